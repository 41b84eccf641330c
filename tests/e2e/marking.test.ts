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

// A long page opened scrolled to its middle: one mention at the top, one in the viewport, one at the end. Its
// own script samples, between tasks (a user-blocking task every millisecond or so, which runs before the
// continuation of a sliced scan), which of the three paragraphs hold a Factlens highlight and the sample at
// which each first did, so the test sees what the page could show first.
const FILLER = 'The committee met again on Tuesday to discuss the harvest and the state of the roads in the valley. ';
const LONG_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Long</title></head><body>${Array.from(
  { length: 3000 },
  (_, i) =>
    i === 0
      ? '<p id="top">Talks with Russia opened the season.</p>'
      : i === 1500
        ? '<p id="target">Then Turkey sent its envoy.</p>'
        : i === 2999
          ? '<p id="end">Iran answered last.</p>'
          : `<p>${FILLER.repeat(2)}${i}</p>`,
).join('')}
<script>
  history.scrollRestoration = 'manual';
  document.getElementById('target').scrollIntoView({ block: 'center' });
  window.firstMarked = {};
  const watched = ['top', 'target', 'end'];
  let sample = 0;
  const poll = () => {
    sample++;
    const marked = new Set();
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('factlens')) continue;
      for (const r of h) marked.add(r.startContainer.parentNode.id);
    }
    for (const id of watched) if (marked.has(id) && !(id in window.firstMarked)) window.firstMarked[id] = sample;
    if (Object.keys(window.firstMarked).length < watched.length) scheduler.postTask(poll, { priority: 'user-blocking', delay: 1 });
  };
  poll();
</script></body></html>`;

function markedTexts(page: Page): Promise<string[]> {
  return readMarkedTexts(page);
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
    server = await serveFixtures({ '/marking-basic.html': FIXTURE, '/long.html': LONG_PAGE });
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

  it('marks what is in the viewport first on a long page opened scrolled down, then the rest', async () => {
    const page = await ext.page();
    await page.goto(server.url('/long.html'));
    type Seen = { firstMarked: Record<'top' | 'target' | 'end', number> };
    await page.waitForFunction(() => Object.keys((window as unknown as Seen).firstMarked).length === 3);
    const seen = await page.evaluate(() => ({
      firstMarked: (window as unknown as Seen).firstMarked,
      scrolled: window.scrollY > 0,
      scans: performance.getEntriesByName('factlens:scan').map((e) => (e as PerformanceMeasure).detail as { viewportFirst?: number }),
    }));
    expect(seen.scrolled).toBe(true);
    // The viewport's mention was highlighted by the first sample that showed any mark.
    const { top, target, end } = seen.firstMarked;
    expect(target).toBeLessThanOrEqual(top);
    expect(target).toBeLessThanOrEqual(end);
    expect(seen.scans[0]?.viewportFirst).toBe(1);
    expect((await markedTexts(page)).sort()).toEqual(['Iran', 'Russia', 'Turkey']);
    await page.close();
  });
});
