// The demo's review screen: a real news page → "Make a fact pack from this article" in the popup → the draft
// page, screenshotted (demo-output/review.png). Used by scripts/demo.ts.
import path from 'node:path';
import type { ExtensionBrowser, FixtureServer } from './lib/browser';

export async function reviewScreenshot(ext: ExtensionBrowser, server: FixtureServer, out: string, articleName = 'wapo-2.html'): Promise<string | null> {
  const article = await ext.page();
  await article.goto(server.url(`/${articleName}`), { waitUntil: 'load' });
  const popup = await ext.openPopup(await ext.tabIdOf(article));
  const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/draft.html'), timeout: 20_000 });
  await popup.click('[data-testid="make-pack"]');
  const draft = await opened.catch(() => null);
  if (!draft) return null;
  await draft.setViewportSize({ width: 1100, height: 1300 });
  await draft.waitForSelector('[data-actor-id]', { timeout: 20_000 });
  await draft.waitForTimeout(300);
  const shot = path.join(out, 'review.png');
  await draft.screenshot({ path: shot });
  await Promise.all([draft.close(), popup.close(), article.close()]);
  return shot;
}
