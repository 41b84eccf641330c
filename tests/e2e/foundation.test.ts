// The smallest end-to-end proof: the built extension loads into Debian's Chromium, its service worker
// runs, and its content script marks Idlib on a page served on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, readMarkedTexts, serveFixtures, waitForMarks, type ExtensionBrowser, type FixtureServer } from './harness';

describe('the built extension in Chromium', () => {
  let ext: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    ext = await launchChromium();
    server = await serveFixtures({
      '/idlib.html': '<!doctype html><title>t</title><p>Fighting continues in Idlib province, a monitor said.</p>',
      '/none.html': '<!doctype html><title>t</title><p>Nothing about the story here.</p>',
    });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('has a service worker with an extension id', () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('marks the mention of Idlib, and only that text', async () => {
    const page = await ext.page();
    await page.goto(server.url('/idlib.html'));
    const marks = await waitForMarks(page, 1);
    expect(Object.values(marks).reduce((a, b) => a + b, 0)).toBe(1);
    const marked = await readMarkedTexts(page);
    expect(marked).toEqual(['Idlib province']);
  });

  it('opens the popup page for a tab', async () => {
    const page = await ext.page();
    await page.goto(server.url('/none.html'));
    const tabId = await ext.tabIdOf(page);
    const popup = await ext.openPopup(tabId);
    expect(new URL(popup.url()).searchParams.get('tab')).toBe(String(tabId));
    await expect(popup.title()).resolves.toMatch(/Factlens/);
  });
});
