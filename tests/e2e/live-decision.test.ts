// A live page whose new text changes a page-level decision (issue 12), in Chromium with the built extension:
// a page about Fred Trump marks no Trump (the loader's gate leaves it alone until the popup asks about it); a
// live story appended below it names Donald Trump and the story's
// actors, and the page is now about the story. The marks follow, as `factlens scan` gives them for the whole
// text, and the mutation pass repaints the new blocks and, of the old ones, only the paragraph whose marks
// changed (its factlens:scan measure says how many blocks it repainted), not the page.
// Real text: tests/fixtures/texts/fred-trump-live.txt (sources in its README).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileMatcher, findDocumentMentions } from '../../utils/engine';
import { FACT_BASE } from '../../utils/factbase/generated/idlib-2019';
import { launchChromium, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { gateLeftAlone, hasMarkCount, markCount } from './hostile-helpers';

const blocks = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'texts', 'fred-trump-live.txt'), 'utf8')
  .split(/\n[ \t]*\n/)
  .map((b) => b.trim())
  .filter((b) => b.length > 0);
const article = blocks.findIndex((b) => b.startsWith('US President Donald Trump'));
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>live</title></head><body><main>${blocks
  .slice(0, article)
  .map((b) => `<p>${escape(b)}</p>`)
  .join('\n')}</main></body></html>`;

declare const chrome: { tabs: { sendMessage(id: number, m: object): Promise<unknown> } };

let ext: ExtensionBrowser;
let server: FixtureServer;
beforeAll(async () => {
  server = await serveFixtures({ '/live.html': PAGE });
  ext = await launchChromium();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('a live page whose new text changes the page-level decision (Chromium)', () => {
  it('marks no Trump about Fred Trump; appended, the story repaints only what its decision changed', async () => {
    const page = await ext.page();
    await page.goto(server.url('/live.html'));
    // Trump alone is a peripheral actor: the loader's gate leaves the page alone, no app loads.
    await page.waitForFunction(gateLeftAlone);
    expect(await page.evaluate(() => performance.getEntriesByName('factlens:scan').length)).toBe(0);
    // The reader opens the popup: its question loads the app, which reads the page and marks nothing.
    const tabId = await ext.tabIdOf(page);
    const answer = (await ext.serviceWorker.evaluate(async (id) => chrome.tabs.sendMessage(id, { type: 'get-page-actors' }), tabId)) as { active: boolean };
    expect(answer.active).toBe(true);
    await page.waitForFunction(() => performance.getEntriesByName('factlens:scan').length > 0);
    expect(await page.evaluate(markCount)).toBe(0);

    const whole = findDocumentMentions(blocks, compileMatcher([FACT_BASE]));
    const expected = whole.mentions.flat().length;
    const changedOld = whole.mentions.slice(0, article).filter((ms) => ms.length > 0).length;
    const newWithMarks = whole.mentions.slice(article).filter((ms) => ms.length > 0).length;
    expect(changedOld).toBe(1); // the paragraph naming "businessman Donald Trump"
    await page.evaluate((texts) => {
      const main = document.querySelector('main')!;
      for (const t of texts) {
        const p = document.createElement('p');
        p.textContent = t;
        main.append(p);
      }
    }, blocks.slice(article));
    await page.waitForFunction(hasMarkCount, expected, { timeout: 20_000 });
    const last = await page.evaluate(() => {
      const all = performance.getEntriesByName('factlens:scan') as PerformanceMeasure[];
      return all[all.length - 1]!.detail as { repainted: number; units: number };
    });
    // The appended paragraphs were read (one unit each); of the old ones only the one whose marks changed.
    expect(last.units).toBe(blocks.length - article);
    expect(last.repainted).toBe(newWithMarks + changedOld);
    expect(last.repainted).toBeLessThan(blocks.length);
    await page.close();
  });
});
