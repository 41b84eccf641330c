import { browser } from 'wxt/browser';
import { factbasePageUrl } from '../factbase-page/url';

/** Opens the fact-base page in a new tab (no permission needed to open the extension's own page). */
export async function openFactbasePage(actorId?: string): Promise<void> {
  await browser.tabs.create({ url: factbasePageUrl(actorId) });
}
