// The popup, the badge and the fact-base page with the built extension in Chromium: popup.html?tab=N is
// opened as a page for a fixture page's tab, and what it does is checked on the page itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { scanContent, visibleBlocksOfHtml } from '../../cli/scan';
import { ExportRowsSchema } from '../../utils/export/row-schema';
import { findBySelector } from '../../utils/export/selector';
import { CSV_COLUMNS } from '../../utils/export/serialise';
import type { Page } from 'playwright-core';
import { ATLANTIS_PACK } from './hostile-helpers';
import {
  factlensHighlights,
  launchChromium,
  PROJECT_PAGES,
  serveFixtures,
  waitForMarks,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const total = (marks: Record<string, number>) => Object.values(marks).reduce((a, b) => a + b, 0);

describe('the popup with the built extension', () => {
  let ext: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    ext = await launchChromium();
    server = await serveFixtures(
      {
        '/none.html': '<!doctype html><title>none</title><p>Nothing about the story here, only weather.</p>',
        '/atlantis.html': '<!doctype html><title>a</title><p>The Council of Atlantis met again on Monday.</p>',
      },
      [PROJECT_PAGES],
    );
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** Storage as the extension sees it. */
  const storage = (keys: string | null = null) =>
    ext.serviceWorker.evaluate((k) => chrome.storage.local.get(k), keys) as Promise<Record<string, unknown>>;
  const setStorage = (items: Record<string, unknown>) => ext.serviceWorker.evaluate((i) => chrome.storage.local.set(i), items);
  const clearStorage = () => ext.serviceWorker.evaluate(() => chrome.storage.local.clear());
  const badge = (tabId: number) => ext.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  /** Asks the tab's content script, retrying until it has loaded and answers. */
  async function pageAnswer(tabId: number): Promise<{ url: string; active: boolean; actors: { actorId: string; count: number }[] }> {
    for (;;) {
      const answer = await ext.serviceWorker
        .evaluate((id) => chrome.tabs.sendMessage(id, { type: 'get-page-actors' }, { frameId: 0 }), tabId)
        .catch(() => undefined);
      if (answer) return answer as never;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * The tab id of a page. Without the "tabs" permission the browser hides tab addresses from the
   * extension, so each tab's content script is asked for its address instead (retrying until it answers).
   */
  async function tabOf(page: Page): Promise<number> {
    const url = page.url();
    for (let attempt = 0; attempt < 100; attempt++) {
      const id = await ext.serviceWorker.evaluate(async (u) => {
        for (const tab of await chrome.tabs.query({})) {
          if (tab.id === undefined) continue;
          const answer = (await chrome.tabs.sendMessage(tab.id, { type: 'get-page-actors' }, { frameId: 0 }).catch(() => null)) as { url?: string } | null;
          if (answer?.url === u) return tab.id;
        }
        return -1;
      }, url);
      if (id >= 0) return id;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no tab answers for ${url}`);
  }

  async function openArticle(): Promise<{ page: Page; tabId: number; popup: Page }> {
    const page = await ext.page();
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    const tabId = await tabOf(page);
    const popup = await ext.openPopup(tabId);
    // Only the front tab paints (and so settles for clicks) in headless Chromium.
    await popup.bringToFront();
    await popup.waitForSelector('[data-testid="page-actors"]');
    return { page, tabId, popup };
  }

  it('lists the actors the page marked, with counts that add up to the marks, and the badge agrees', async () => {
    await clearStorage();
    const { page, tabId, popup } = await openArticle();
    const listed = await popup.$$eval('[data-actor-id]', (els) =>
      els.map((el) => ({ id: el.getAttribute('data-actor-id'), count: Number(el.querySelector('.fl-count')?.textContent) })),
    );
    const ids = listed.map((a) => a.id);
    for (const id of ['donald-trump', 'idlib', 'turkey', 'russia', 'ibrahim-kalin', 'wagner-group']) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    const marks = total(await factlensHighlights(page));
    expect(listed.reduce((n, a) => n + a.count, 0)).toBe(marks);
    const answer = await pageAnswer(tabId);
    expect(Object.fromEntries(listed.map((a) => [a.id, a.count]))).toEqual(Object.fromEntries(answer.actors.map((a) => [a.actorId, a.count])));
    // Grouped by kind: people come first and hold Trump.
    const firstGroup = await popup.$eval('.fl-group', (g) => [g.querySelector('h3')?.textContent, g.textContent]);
    expect(firstGroup[0]).toBe('People');
    expect(firstGroup[1]).toContain('Donald Trump');
    expect(await popup.textContent('[data-testid="switch-site"] >> xpath=ancestor::label')).toContain('127.0.0.1');
    await expect.poll(() => badge(tabId)).toBe(String(ids.length));
    await popup.close();
    await page.close();
  });

  it('choosing an actor scrolls the page to its first mention', async () => {
    await clearStorage();
    const { page, popup } = await openArticle();
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await popup.click('[data-actor-id="khalifa-haftar"]');
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
    expect(await popup.textContent('[data-testid="status"]')).not.toMatch(/could not/i);
    await popup.close();
    await page.close();
  });

  it('main switch off → the marks disappear and the badge clears; on → they return', async () => {
    await clearStorage();
    const { page, tabId, popup } = await openArticle();
    const before = total(await factlensHighlights(page));
    await popup.click('[data-testid="switch-enabled"]');
    await page.waitForFunction(() => {
      for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens') && h.size > 0) return false;
      return true;
    });
    await popup.waitForSelector('[data-testid="page-empty"][data-reason="off"]');
    await expect.poll(() => badge(tabId)).toBe('');
    expect(await storage('settings')).toEqual({ settings: { version: 2, changes: { enabled: false } } });
    await popup.click('[data-testid="switch-enabled"]');
    expect(total(await waitForMarks(page, before))).toBe(before);
    expect(await storage('settings')).toEqual({});
    await popup.close();
    await page.close();
  });

  it('this-site off persists across a reload of the page', async () => {
    await clearStorage();
    const { page, tabId, popup } = await openArticle();
    await popup.click('[data-testid="switch-site"]');
    await popup.waitForSelector('[data-testid="page-empty"][data-reason="site-off"]');
    expect(await storage('settings')).toEqual({ settings: { version: 2, changes: { disabledSites: ['127.0.0.1'] } } });
    await page.reload();
    const answer = await pageAnswer(tabId);
    expect(answer.active).toBe(false);
    expect(total(await factlensHighlights(page))).toBe(0);
    // The other way round, from the popup again: back on, marks back.
    await popup.reload();
    await popup.bringToFront();
    await popup.waitForSelector('[data-testid="page-empty"][data-reason="site-off"]');
    expect(await popup.isChecked('[data-testid="switch-site"]')).toBe(false);
    await popup.click('[data-testid="switch-site"]');
    await waitForMarks(page, 5);
    await popup.close();
    await page.close();
  });

  it('exports the mentions as CSV and JSON rows that match the page', async () => {
    await clearStorage();
    const { page, popup } = await openArticle();
    const marks = total(await factlensHighlights(page));

    const [csvDownload] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-testid="export-csv"]')]);
    expect(csvDownload.suggestedFilename()).toMatch(/^factlens-127\.0\.0\.1-.*\.csv$/);
    const csv = await readFile((await csvDownload.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines.length - 1).toBe(marks);

    const [jsonDownload] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-testid="export-json"]')]);
    const rows = ExportRowsSchema.parse(JSON.parse(await readFile((await jsonDownload.path())!, 'utf8')));
    expect(rows).toHaveLength(marks);
    const trump = rows.find((r) => r.actorId === 'donald-trump');
    expect(trump).toMatchObject({ actor: 'Donald Trump', kind: 'person', url: server.url('/article.html') });
    expect(trump!.sentence).toContain(trump!.surface);
    expect(trump!.selector.exact).toBe(trump!.surface);
    // The same positions as `factlens scan` gives for the file, and each row found again from its selector.
    const html = await readFile(path.join(PROJECT_PAGES, 'article.html'), 'utf8');
    const cli = scanContent('article.html', html);
    expect(rows.map((r) => [r.actorId, r.start, r.end])).toEqual(cli.map((r) => [r.actorId, r.start, r.end]));
    const text = visibleBlocksOfHtml(html).join('\n\n');
    for (const r of rows) expect(findBySelector(text, r.selector, r.start)).toMatchObject({ start: r.start, end: r.end, contextMatched: true });
    expect(Number.isNaN(Date.parse(trump!.time ?? ""))).toBe(false);
    await expect.poll(() => popup.textContent('[data-testid="status"]')).toMatch(/Exported \d+ mentions as JSON/);
    await popup.close();
    await page.close();
  });

  it('says why the list is empty on a page with nothing found', async () => {
    await clearStorage();
    const page = await ext.page();
    await page.goto(server.url('/none.html'));
    const tabId = await tabOf(page);
    await pageAnswer(tabId);
    const popup = await ext.openPopup(tabId);
    await popup.waitForSelector('[data-testid="page-empty"][data-reason="nothing-found"]');
    await popup.close();
    await page.close();
  });

  it('a corrupt stored value → defaults, the notice, and marks still work', async () => {
    await clearStorage();
    await setStorage({ settings: { version: 2, changes: { enabled: 'yes', markStyle: 42, theme: 'dark', bogus: true } } });
    const { page, popup } = await openArticle();
    await popup.waitForSelector('[data-testid="reset-notice"]');
    expect(await popup.textContent('[data-testid="reset-notice"]')).toContain('Some settings could not be read and were reset');
    expect(await popup.isChecked('[data-testid="switch-enabled"]')).toBe(true);
    expect(await popup.getAttribute('.fl-popup', 'data-theme')).toBe('dark'); // the readable field kept
    expect(total(await factlensHighlights(page))).toBeGreaterThan(0);
    await popup.click('[data-testid="reset-notice"] button');
    await expect.poll(() => storage('settings')).toEqual({ settings: { version: 2, changes: { theme: 'dark' } } });
    expect(await popup.$('[data-testid="reset-notice"]')).toBeNull();
    await popup.close();
    await page.close();
  });

  it('a faulty pack is refused with the path of each fault and nothing is stored; a sound one works', async () => {
    await clearStorage();
    const fb = await ext.extensionPage('factbase.html');
    await fb.waitForSelector('[data-testid="pack-list"]');
    const bad = { formatVersion: 1, source: { id: 'bad pack' }, actors: [{ id: 'x', kind: 'robot' }] };
    await fb.setInputFiles('[data-testid="pack-file"]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await fb.waitForSelector('[data-testid="pack-errors"]');
    const errors = await fb.$$eval('[data-testid="pack-errors"] li', (els) => els.map((e) => e.textContent ?? ''));
    expect(errors.some((e) => e.startsWith('source.id'))).toBe(true);
    expect(errors.some((e) => e.startsWith("actors[x].kind:"))).toBe(true);
    expect(await storage('packs')).toEqual({});

    await fb.setInputFiles('[data-testid="pack-file"]', { name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ATLANTIS_PACK)) });
    await fb.waitForSelector('[data-pack-id="atlantis-2030"]');
    const page = await ext.page();
    await page.goto(server.url('/atlantis.html'));
    await waitForMarks(page, 1);
    // Turned off → its marks go; removed → gone from storage.
    await fb.click('[data-pack-id="atlantis-2030"] input[type="checkbox"]');
    await page.waitForFunction(() => {
      for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens') && h.size > 0) return false;
      return true;
    });
    await fb.click('[data-pack-id="atlantis-2030"] button[aria-label^="Remove"]');
    await fb.waitForSelector('[data-pack-id="atlantis-2030"]', { state: 'detached' });
    expect(await storage('packs')).toEqual({ packs: { version: 1, packs: [] } });
    expect(await fb.$('[data-pack-id="idlib-2019"] button[aria-label^="Remove"]')).toBeNull(); // the built-in pack cannot be removed
    await page.close();
    await fb.close();
  });

  it('the fact-base page lists actors with quotes, finds them by alias, and deep-links', async () => {
    const fb = await ext.extensionPage('factbase.html#wagner-group');
    await fb.waitForSelector('#wagner-group');
    await fb.fill('[data-testid="search"]', 'erdoğan');
    const names = await fb.$$eval('.fb-actor h2', (els) => els.map((e) => e.textContent));
    expect(names).toEqual(['Tayyip Erdogan']);
    expect(await fb.textContent('.fb-actor')).toMatch(/Erdogan/);
    expect(await fb.$$('.fb-actor .fb-quote')).not.toHaveLength(0);
    await fb.close();
  });
});

declare const chrome: {
  storage: { local: { get(k: string | null): Promise<Record<string, unknown>>; set(i: object): Promise<void>; clear(): Promise<void> } };
  tabs: { sendMessage(id: number, m: object, o: object): Promise<unknown>; query(q: object): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};
