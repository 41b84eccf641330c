// Shared by the browser tests: a page with a few mentions, a small fact pack of an actor the built-in base does
// not know, pointing at a mention, the card's dialog, the count of Factlens's marks as the page itself sees
// them, and whether the loader's gate left the page alone.
import type { Frame, Page } from 'playwright-core';

export const MENTIONS_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>hostile</title></head><body>
<main><h1>News</h1>
<p id="p1">Fighting continues in Idlib province, a monitor said, and Russia answered.</p>
<p id="p2">Later the Wagner group was seen near Sirte while Turkey watched.</p>
</main></body></html>`;

/** A sound fact pack of one actor, the Council of Atlantis, named on no real page. */
export const ATLANTIS_PACK = {
  formatVersion: 1,
  source: { id: 'atlantis-2030', title: 'Atlantis rises', period: '2030', file: 'atlantis.txt', note: 'A test pack.' },
  actors: [
    {
      id: 'atlantis-council', name: 'Council of Atlantis', kind: 'organisation', identity: 'The ruling council',
      identityQuote: 'the council', aliases: [{ text: 'Council of Atlantis', caseRule: 'proper', ambiguous: false, surname: false }],
      cues: { support: [], contrary: [] }, givenNames: [],
      facts: [{ id: 'atlantis-council/0', text: 'It met.', quote: 'met again', actors: ['atlantis-council'], figures: [] }],
      related: [],
    },
  ],
};

/**
 * Runs in the page, for waitForFunction (Playwright's or Puppeteer's): whether the loader's gate read the page
 * and found no word of a core actor in force (its factlens:gate measure, pass false): no app was loaded.
 */
export function gateLeftAlone(): boolean {
  return performance.getEntriesByName('factlens:gate').some((e) => (e as PerformanceMeasure).detail?.pass === false);
}

/** Runs in the page: the number of ranges in Factlens's highlights (the page's own view of them). */
export function markCount(): number {
  if (!('highlights' in CSS)) return -1;
  let n = 0;
  for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens')) n += h.size;
  return n;
}

/** Runs in the page, for waitForFunction: whether Factlens's highlights hold exactly `n` ranges (self-contained). */
export function hasMarkCount(n: number): boolean {
  let c = 0;
  for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens')) c += h.size;
  return c === n;
}

/**
 * Runs in the page (Playwright's or Puppeteer's `evaluate`): the client rectangle and centre of the first
 * occurrence of `needle` in the page's text, optionally scrolled to the middle first; null when absent.
 */
export function firstTextRect({ needle, scroll }: { needle: string; scroll: boolean }): { x: number; y: number; top: number; bottom: number; left: number; right: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.textContent!.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + needle.length);
    if (scroll) (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
    const b = range.getClientRects()[0]!;
    return { x: b.left + b.width / 2, y: b.top + b.height / 2, top: b.top, bottom: b.bottom, left: b.left, right: b.right };
  }
  return null;
}

/** The centre of the first occurrence of `text` in the page (client coordinates). */
export async function pointOf(page: Page | Frame, text: string): Promise<{ x: number; y: number }> {
  const r = await page.evaluate(firstTextRect, { needle: text, scroll: false });
  if (!r) throw new Error(`"${text}" not on the page`);
  return { x: r.x, y: r.y };
}

/** Selector of the card's dialog, whatever the host's name (`factlens-card` or a random-suffixed one). */
export const CARD_DIALOG_JS = `(() => { for (const el of document.querySelectorAll('*')) { if (el.localName.startsWith('factlens-card') && el.shadowRoot) { const d = el.shadowRoot.querySelector('[role="dialog"]'); if (d) return d; } } return null; })()`;

/** Whether a Factlens card dialog is shown (read in the page, through the open shadow root). */
export async function cardOpen(page: Page): Promise<boolean> {
  return page.evaluate((js) => !!(0, eval)(js), CARD_DIALOG_JS);
}

/** Moves the pointer onto `text` and waits for the card to open. */
export async function hoverOpen(page: Page, text: string): Promise<void> {
  const { x, y } = await pointOf(page, text);
  await page.mouse.move(x - 40, y - 60);
  await page.mouse.move(x, y, { steps: 4 });
  await page.waitForFunction((js) => !!(0, eval)(js), CARD_DIALOG_JS, { timeout: 5000 });
}
