// The MV3 service worker may be stopped at any time: Factlens keeps no state that lives only in its memory.
// Stop it for real (CDP Target.closeTarget), then check that the badge still follows the page and the switches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, serveFixtures, waitForMarks, type ExtensionBrowser, type FixtureServer } from './harness';

declare const chrome: {
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { set(v: object): Promise<void> } };
};

describe('the background survives its service worker being stopped', () => {
  let ext: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    ext = await launchChromium();
    // One actor of the story by its full name (a page naming one actor is marked only with such support,
    // issue 12); the paragraph added later names two more, and the page is then about the story.
    server = await serveFixtures({
      '/one.html': '<!doctype html><title>one</title><p id="p">Shelling went on in Idlib province overnight, residents said.</p>',
    });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** Reads the badge from an extension page, which works whether or not the service worker is running. */
  async function badgeOf(extensionPage: Page, tabId: number): Promise<string> {
    return extensionPage.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  async function stopServiceWorker(page: Page): Promise<void> {
    const cdp = await ext.context.newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const workers = targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(ext.extensionId));
    expect(workers.length).toBe(1);
    await cdp.send('Target.closeTarget', { targetId: workers[0]!.targetId });
    await expect
      .poll(async () => (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker').length)
      .toBe(0);
    await cdp.detach();
  }

  it('keeps the badge right across a stop: new actors on the page, then Factlens off', async () => {
    const page = await ext.page();
    await page.goto(server.url('/one.html'));
    await waitForMarks(page, 1);
    const tabId = await ext.tabIdOf(page);
    const probe = await ext.extensionPage('factbase.html');
    await expect.poll(() => badgeOf(probe, tabId)).toBe('1');

    await stopServiceWorker(page);

    // The page changes while no worker runs: its message wakes a new one, which counts from storage.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Turkey said the talks with Russia would continue.';
      document.body.append(p);
    });
    await waitForMarks(page, 3);
    await expect.poll(() => badgeOf(probe, tabId), { timeout: 10_000 }).toBe('3');

    await stopServiceWorker(page);
    await probe.evaluate(() => chrome.storage.local.set({ settings: { version: 2, changes: { enabled: false } } }));
    await expect.poll(() => badgeOf(probe, tabId), { timeout: 10_000 }).toBe('');
    await probe.evaluate(() => chrome.storage.local.set({ settings: { version: 2, changes: {} } }));
    await expect.poll(() => badgeOf(probe, tabId), { timeout: 10_000 }).toBe('3');
  });
});
