// Marks on a live page in Chromium: painted with CSS highlights, the page's DOM untouched, editable text
// left alone, mutations followed, and Factlens turned off from storage without a reload.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROJECT_PAGES,
  factlensHighlights,
  launchChromium,
  readMarkedTexts,
  serveFixtures,
  waitForMarks,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const FIXTURE = readFileSync(path.join(PROJECT_PAGES, 'marking-basic.html'), 'utf8');

function markedTexts(page: Page): Promise<string[]> {
  return page.evaluate(readMarkedTexts);
}

const snapshot = (page: Page) =>
  page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    text: document.body.innerText,
    sheets: document.styleSheets.length,
    adopted: document.adoptedStyleSheets.length,
  }));

async function setSettings(ext: ExtensionBrowser, changes: Record<string, unknown>) {
  await ext.serviceWorker.evaluate(
    (c) => chrome.storage.local.set({ settings: { version: 1, changes: c } }),
    changes,
  );
}
declare const chrome: { storage: { local: { set(v: object): Promise<void> } } };

describe('marking live pages (Chromium)', () => {
  let ext: ExtensionBrowser;
  let control: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    [ext, control] = await Promise.all([launchChromium(), launchChromium({ withoutExtension: true })]);
    server = await serveFixtures({ '/marking-basic.html': FIXTURE });
  });
  afterAll(async () => {
    await ext?.close();
    await control?.close();
    await server?.close();
  });

  it('marks the mentions with factlens highlights, across inline elements, and nothing editable', async () => {
    const page = await ext.page();
    await page.goto(server.url('/marking-basic.html'));
    const highlights = await waitForMarks(page, 6);
    for (const name of Object.keys(highlights)) expect(name).toMatch(/^factlens-[a-z-]+-[0-9a-f]{6}$/);
    // Highlights list their ranges per kind and look, in no order the page can see: compare as a sorted list.
    const texts = (await markedTexts(page)).sort();
    expect(texts).toEqual(['Idlib', 'Idlib', 'Iran', 'Khalifa Haftar', 'Russia', 'Syria'].sort());
    expect(Object.values(highlights).reduce((a, b) => a + b, 0)).toBe(6);
    await page.close();
  });

  it('leaves the page byte-identical to the same page without the extension', async () => {
    const page = await ext.page();
    await page.goto(server.url('/marking-basic.html'));
    await waitForMarks(page, 6);
    const withFactlens = await snapshot(page);
    const bare = await control.page();
    await bare.goto(server.url('/marking-basic.html'));
    const without = await snapshot(bare);
    expect(withFactlens).toEqual(without);
    expect(withFactlens.html).not.toContain('factlens');
    await page.close();
    await bare.close();
  });

  it('marks text added later, unmarks removed text, and records User Timing measures', async () => {
    const page = await ext.page();
    await page.goto(server.url('/marking-basic.html'));
    await waitForMarks(page, 6);
    await page.evaluate(() => (window as unknown as { addLater(): void }).addLater());
    await page.waitForFunction(() => {
      let n = 0;
      for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens')) n += h.size;
      return n === 7;
    });
    expect(await markedTexts(page)).toContain('Turkey');
    await page.evaluate(() => document.getElementById('removable')!.remove());
    await page.waitForFunction(() => {
      let n = 0;
      for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens')) n += h.size;
      return n === 6;
    });
    expect(await markedTexts(page)).not.toContain('Iran');
    const measures = await page.evaluate(() => ({
      scan: performance.getEntriesByName('factlens:scan').length,
      mark: performance.getEntriesByName('factlens:mark').length,
    }));
    expect(measures.scan).toBeGreaterThanOrEqual(2);
    expect(measures.mark).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('turns off from storage without a reload (every mark at once), and back on; style changes re-mark', async () => {
    const page = await ext.page();
    await page.goto(server.url('/marking-basic.html'));
    await waitForMarks(page, 6);
    await setSettings(ext, { enabled: false });
    await page.waitForFunction(() => [...(CSS.highlights as unknown as Map<string, unknown>).keys()].every((n) => !n.startsWith('factlens')));
    expect(await factlensHighlights(page)).toEqual({});
    await setSettings(ext, { enabled: true, markStyle: 'tint', kinds: { person: false, place: true, state: true, organisation: true, event: true } });
    await page.waitForFunction(() => [...(CSS.highlights as unknown as Map<string, unknown>).keys()].some((n) => n.startsWith('factlens-tint-')));
    const texts = await markedTexts(page);
    expect(texts).not.toContain('Khalifa Haftar');
    expect(texts).toContain('Russia');
    await setSettings(ext, {});
    await page.close();
  });
});
