import { browser } from 'wxt/browser';

/** The fact-base page's address, with a deep link to one actor when given. */
export function factbasePageUrl(actorId?: string): string {
  return browser.runtime.getURL('/factbase.html') + (actorId ? `#${encodeURIComponent(actorId)}` : '');
}

/** Opens the fact-base page in a new tab (no permission needed to open the extension's own page). */
export async function openFactbasePage(actorId?: string): Promise<void> {
  await browser.tabs.create({ url: factbasePageUrl(actorId) });
}
