// The side panel with the built extension in Chromium, on a long real news page (yahoo-3.html from the shared
// pages): sidepanel.html?tab=N is opened as a page for the news page's tab (what the side panel shows, pinned
// to that tab). It filters to one actor, walks its mentions by keyboard with the page following (scrolled to,
// and the flash highlight on that very mark), exports rows that are each found again from their selector,
// follows the page live and passes axe in light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { visibleBlocksOfHtml } from '../../cli/scan';
import { citeRow } from '../../utils/export/cite';
import { ExportRowsSchema } from '../../utils/export/row-schema';
import type { ExportRow } from '../../utils/export/row';
import { findBySelector } from '../../utils/export/selector';
import { CSV_COLUMNS, UTF8_BOM } from '../../utils/export/serialise';
import { FLASH_HIGHLIGHT } from '../../utils/page/flash';
import { factlensHighlights, hasSharedPage, launchChromium, serveFixtures, SHARED_PAGES, waitForMarks, writeEnabledSetting, type ExtensionBrowser, type FixtureServer } from './harness';

const PAGE = 'yahoo-3.html';

interface FlashSeen {
  key: { container: string; offset: number };
  text: string;
  inView: boolean;
  isMark: boolean;
  ordered: boolean;
  scrollY: number;
}
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const total = (marks: Record<string, number>) => Object.entries(marks).reduce((n, [name, k]) => (name === FLASH_HIGHLIGHT ? n : n + k), 0);

describe.skipIf(!hasSharedPage(PAGE))('the side panel on a long real page', () => {
  let ext: ExtensionBrowser;
  let server: FixtureServer;
  let page: Page;
  let panel: Page;
  let tabId: number;

  beforeAll(async () => {
    ext = await launchChromium({ viewport: { width: 1100, height: 800 } });
    server = await serveFixtures({}, [SHARED_PAGES]);
    page = await ext.page();
    await page.goto(server.url(`/${PAGE}`));
    await waitForMarks(page, 20);
    tabId = await ext.tabIdOf(page);
    panel = await ext.extensionPage(`sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('[data-testid="mention-list"] [role="option"]');
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** The rows the panel lists (actor and offsets, in list order), and the group counts it shows. */
  const listed = () =>
    panel.$$eval('[role="option"]', (els) =>
      els.map((el) => ({ actorId: el.closest('[data-actor-id]')!.getAttribute('data-actor-id')!, start: Number(el.getAttribute('data-start')), text: el.querySelector('mark')?.textContent ?? '' })),
    );

  it('lists every mark of the page once, grouped by actor, with counts that add up to the marks', async () => {
    const marks = total(await factlensHighlights(page));
    const rows = await listed();
    expect(rows.length).toBe(marks);
    const counts = await panel.$$eval('.fp-group-head .fp-count', (els) => els.map((e) => Number.parseInt(e.textContent ?? '', 10)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(marks);
    expect(await panel.textContent('[data-testid="panel-count"]')).toContain(`${marks} mentions`);
    // Each mention in its sentence, the mention in a <mark> of the panel's own DOM.
    for (const r of rows) expect(r.text.length).toBeGreaterThan(0);
  });

  it('filters to one actor, walks its mentions by keyboard with the page following, and shows its facts', async () => {
    const options = await panel.$$eval('[data-testid="filter-actor"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const actorId = options[0]!; // the most mentioned
    await panel.selectOption('[data-testid="filter-actor"]', actorId);
    const rows = await listed();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r.actorId))).toEqual(new Set([actorId]));
    expect(await panel.getAttribute('[data-testid="dossier"]', 'data-actor-id')).toBe(actorId);
    expect(await panel.$$eval('.fp-quote', (qs) => qs.length)).toBeGreaterThan(0);

    await panel.focus('[data-testid="mention-list"]');
    let previous: { container: string; offset: number } | null = null;
    const scrolls = new Set<number>();
    for (let i = 0; i < Math.min(rows.length, 6); i++) {
      await panel.keyboard.press('ArrowDown');
      // The option is current in the panel …
      const activeId = await panel.getAttribute('[data-testid="mention-list"]', 'aria-activedescendant');
      expect(await panel.getAttribute(`[id="${activeId}"]`, 'aria-selected')).toBe('true');
      expect(Number(await panel.getAttribute(`[id="${activeId}"]`, 'data-start'))).toBe(rows[i]!.start);
      // … and on the page its mark holds the flash, in view, after the previous one, and is one of Factlens's marks.
      const flash: { jsonValue(): Promise<FlashSeen | null> } = await page.waitForFunction(
        ({ name, after }) => {
          const h = CSS.highlights.get(name);
          const r = h ? ([...(h as unknown as Set<AbstractRange>)][0] as Range | undefined) : undefined;
          if (!r) return null;
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const path = (n: Node): string => (n.parentNode ? `${path(n.parentNode)}/${[...n.parentNode.childNodes].indexOf(n as ChildNode)}` : '');
          const key = { container: path(r.startContainer), offset: r.startOffset };
          if (after && after.container === key.container && after.offset === key.offset) return null; // still the previous one
          const rect = range.getBoundingClientRect();
          let isMark = false;
          for (const [n, hl] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
            if (n === name || !n.startsWith('factlens')) continue;
            for (const m of hl) if (m.startContainer === r.startContainer && m.startOffset === r.startOffset && m.endOffset === r.endOffset) isMark = true;
          }
          let ordered = true;
          if (after) {
            const prev = after.container.split('/').slice(1).reduce<Node>((n, i) => n.childNodes[Number(i)]!, document);
            const p = document.createRange();
            p.setStart(prev, after.offset);
            ordered = p.compareBoundaryPoints(Range.START_TO_START, range) < 0;
          }
          return { key, text: range.toString(), inView: rect.top >= 0 && rect.bottom <= innerHeight, isMark, ordered, scrollY };
        },
        { name: FLASH_HIGHLIGHT, after: previous },
        { timeout: 1200, polling: 20 },
      );
      const seen: FlashSeen = (await flash.jsonValue())!;
      expect(seen).toMatchObject({ text: rows[i]!.text, inView: true, isMark: true, ordered: true });
      scrolls.add(seen.scrollY);
      previous = seen.key;
    }
    expect(scrolls.size).toBeGreaterThan(1); // the page followed, not only flashed
    // The flash is for a moment: it goes by itself.
    await page.waitForFunction((name) => !CSS.highlights.has(name), FLASH_HIGHLIGHT, { timeout: 3000 });
    expect((await factlensHighlights(page))[FLASH_HIGHLIGHT]).toBeUndefined();

    // C copies the current mention with its source.
    // Chromium grants no clipboard-read to an extension origin in a test: what the panel writes is caught instead.
    await panel.evaluate(() => {
      const w = window as unknown as { copied?: string };
      navigator.clipboard.writeText = (t: string) => ((w.copied = t), Promise.resolve());
    });
    await panel.keyboard.press('c');
    await expect.poll(() => panel.textContent('[data-testid="panel-status"]')).toContain('Copied');
    const copied = await panel.evaluate(() => (window as unknown as { copied?: string }).copied ?? '');
    expect(copied).toMatch(/^\u201c.+\u201d \u2014 /);
    expect(copied).toContain(rows[Math.min(rows.length, 6) - 1]!.text);
  });

  it('exports the filtered rows as JSON and CSV, each found again from its selector in the page text', async () => {
    const rows = await listed();
    const [json] = await Promise.all([panel.waitForEvent('download'), panel.click('[data-testid="panel-export-json"]')]);
    const parsed = ExportRowsSchema.parse(JSON.parse(await readFile((await json.path())!, 'utf8')));
    expect(parsed.map((r: ExportRow) => [r.actorId, r.start])).toEqual(rows.map((r) => [r.actorId, r.start]));
    const text = visibleBlocksOfHtml(await readFile(path.join(SHARED_PAGES, PAGE), 'utf8')).join('\n\n');
    for (const r of parsed) expect(findBySelector(text, r.selector, r.start)).toMatchObject({ start: r.start, end: r.end, contextMatched: true });
    expect(parsed.every((r) => citeRow(r).includes(r.sentence))).toBe(true);

    const [csv] = await Promise.all([panel.waitForEvent('download'), panel.click('[data-testid="panel-export-csv"]')]);
    const csvText = await readFile((await csv.path())!, 'utf8');
    expect(csvText.startsWith(`${UTF8_BOM}${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
  });

  it('follows the page live: new text, Factlens switched off and on, without a reload', async () => {
    await panel.click('[data-testid="filter-clear"]');
    const before = (await listed()).length;
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Late news: Turkey and Russia met again about Idlib.';
      document.body.append(p);
    });
    await expect.poll(async () => (await listed()).length, { timeout: 10_000 }).toBe(before + 3);
    expect(total(await factlensHighlights(page))).toBe(before + 3);

    await ext.serviceWorker.evaluate(writeEnabledSetting, false);
    await panel.waitForSelector('[data-testid="panel-off"]', { timeout: 10_000 });
    await ext.serviceWorker.evaluate(writeEnabledSetting, true);
    await expect.poll(async () => (await listed()).length, { timeout: 10_000 }).toBe(before + 3);

    // A single-page-app navigation: the page's text is replaced under a new address.
    await page.evaluate(() => {
      history.pushState({}, '', '/next-story.html');
      document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Turkey and Russia agreed a truce in Idlib.' }));
    });
    await expect.poll(async () => (await listed()).map((r) => r.text), { timeout: 10_000 }).toEqual(['Turkey', 'Russia', 'Idlib']);
    expect(total(await factlensHighlights(page))).toBe(3);
    expect(await panel.getAttribute('.fp-page', 'title')).toMatch(/\/next-story\.html$/);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations (${scheme})`, async () => {
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.click('[data-testid="mention-list"] [role="option"]'); // a current mention, and the dossier open
      await panel.waitForSelector('[data-testid="dossier"]');
      if (!(await panel.evaluate(() => 'axe' in window))) await panel.evaluate(AXE_SOURCE);
      const violations = (await panel.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } }).axe;
        return (await axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } })).violations;
      })) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      expect(bad).toEqual([]);
      expect(await panel.evaluate(() => getComputedStyle(document.querySelector('.fp-panel')!).backgroundColor)).toBe(scheme === 'dark' ? 'rgb(28, 30, 34)' : 'rgb(255, 255, 255)');
    });
  }

  it("opens as the browser's side panel from the popup's button (chrome.sidePanel.open in the click)", async () => {
    const contexts = () =>
      ext.serviceWorker.evaluate(async () =>
        ((await (globalThis as unknown as { chrome: { runtime: { getContexts(f: object): Promise<{ contextType: string; documentUrl?: string }[]> } } }).chrome.runtime.getContexts({})) ?? []).map(
          (c) => `${c.contextType} ${new URL(c.documentUrl ?? 'about:blank').pathname}`,
        ),
      );
    expect(await contexts()).not.toContain('SIDE_PANEL /sidepanel.html');
    const popup = await ext.openPopup(tabId);
    await popup.bringToFront();
    await popup.click('[data-testid="open-panel"]');
    await expect.poll(contexts, { timeout: 5000 }).toContain('SIDE_PANEL /sidepanel.html');
    expect(await popup.textContent('[data-testid="status"]')).toBe('');
    await popup.close();
  });
});
