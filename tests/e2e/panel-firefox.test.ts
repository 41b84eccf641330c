// The side panel in Firefox: the build declares it as the sidebar (sidebar_action, no permission), and the
// panel's document, opened as a page for the article's tab (sidepanel.html?tab=N), lists every mark and shows
// a mention on the page with the flash highlight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { PROJECT_PAGES, markedRanges, serveDirectory, type FixtureServer } from './harness';
import { hasFirefox, launchFirefox, type FirefoxExtensionBrowser } from './firefox-harness';

describe.skipIf(!hasFirefox())('the side panel in Firefox', () => {
  let ff: FirefoxExtensionBrowser;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    [ff, server] = await Promise.all([launchFirefox(), serveDirectory(PROJECT_PAGES)]);
    page = await ff.page();
    await page.goto(server.url('/article.html'));
    await page.waitForFunction(() => (CSS.highlights?.size ?? 0) > 0, { timeout: 15_000 });
  }, 60_000);
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('is the sidebar in the Firefox manifest, with no permission asked for it', async () => {
    const manifest = await ff.inExtension(() => (globalThis as unknown as { browser: { runtime: { getManifest(): Record<string, unknown> } } }).browser.runtime.getManifest(), null);
    expect(manifest.sidebar_action).toMatchObject({ default_panel: expect.stringMatching(/\/sidepanel\.html$/) });
    expect(manifest.permissions).toEqual(['storage', 'activeTab']);
  });

  it('lists every mark and shows a chosen mention on the page with the flash', async () => {
    const marks = await page.evaluate((list) => list.length, await page.evaluateHandle(markedRanges));
    const tabId = await ff.tabIdOf(page);
    const panel = await ff.extensionPage(`sidepanel.html?tab=${tabId}`, '[role="option"]');
    try {
      expect(await panel.$$eval('[role="option"]', (os) => os.length)).toBe(marks);
      await panel.focus('[data-testid="mention-list"]');
      await panel.keyboard.press('ArrowDown');
      await panel.keyboard.press('ArrowDown');
      const second = await panel.$eval('[role="option"][aria-selected="true"] mark', (m) => m.textContent);
      const flashed = await page.waitForFunction(
        () => {
          const h = CSS.highlights.get('factlens-flash') as unknown as Set<AbstractRange> | undefined;
          const r = h ? [...h][0] : undefined;
          if (!r) return null;
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        },
        { timeout: 1500, polling: 20 },
      );
      expect(await flashed.jsonValue()).toBe(second);
    } finally {
      await panel.close();
    }
  });
});
