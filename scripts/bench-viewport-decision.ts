// The page's first pass paints the viewport before the rest is read (utils/page/scanner.ts), deciding it from
// its own blocks; the decision over the whole page may then change those marks (document-pass.ts repaints
// them). How often, on the shared real pages and the labelled texts of tests/fixtures/texts (read as data): for viewports of VIEW blocks at a quarter, half and three quarters of the page (a page
// reloaded scrolled down), the marks the provisional decision shows that the final one removes (a wrong mark
// seen for a moment) and the marks the final one adds (shown late). Also the document pass's cost per page.
//
// Run: npx tsx scripts/bench-viewport-decision.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { visibleBlocksOfHtml } from '../cli/scan';
import { collectBlock, compileMatcher, decideDocument, type Mention } from '../utils/engine/index';
import { FACT_BASES } from '../utils/factbase/generated';
import { SHARED_PAGES } from './lib/paths';

const VIEW = 6;
/** The labelled real texts (about the story or naming its actors in another sense), one block per paragraph. */
const TEXTS = join(import.meta.dirname, '..', 'tests', 'fixtures', 'texts');
const matcher = compileMatcher(FACT_BASES);
const key = (i: number, m: Mention) => `${i}:${m.start}:${m.end}:${m.actorId}`;
let pages = 0;
let provisionalMarks = 0;
let removed = 0;
let added = 0;
let pagesChanged = 0;
let collectMs = 0;
let decideMs = 0;
let blocksTotal = 0;
const perPage: { blocks: number; ms: number }[] = [];
const inputs = [
  ...readdirSync(SHARED_PAGES).filter((f) => f.endsWith('.html')).sort().map((f) => visibleBlocksOfHtml(readFileSync(join(SHARED_PAGES, f), 'utf8'))),
  ...readdirSync(TEXTS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(TEXTS, f), 'utf8').split(/\n[ \t]*\n/).filter((b) => b.trim())),
];
// Warm the engine first (the figures are of a running content script, not of its first call).
for (const blocks of inputs.slice(0, 10)) decideDocument(blocks.map((b) => collectBlock(b, matcher)), matcher);
for (const blocks of inputs) {
  if (blocks.length < VIEW * 2) continue;
  pages++;
  blocksTotal += blocks.length;
  let t = performance.now();
  const evidence = blocks.map((b) => collectBlock(b, matcher));
  collectMs += performance.now() - t;
  t = performance.now();
  const final = decideDocument(evidence, matcher);
  const ms = performance.now() - t;
  decideMs += ms;
  perPage.push({ blocks: blocks.length, ms });
  let changed = false;
  for (const at of [0.25, 0.5, 0.75]) {
    const from = Math.floor(blocks.length * at - VIEW / 2);
    const view = decideDocument(evidence.slice(from, from + VIEW), matcher);
    const early = new Set(view.mentions.flatMap((ms, i) => ms.map((m) => key(from + i, m))));
    const late = new Set(final.mentions.slice(from, from + VIEW).flatMap((ms, i) => ms.map((m) => key(from + i, m))));
    provisionalMarks += early.size;
    const r = [...early].filter((k) => !late.has(k)).length;
    const a = [...late].filter((k) => !early.has(k)).length;
    removed += r;
    added += a;
    if (r + a > 0) changed = true;
  }
  if (changed) pagesChanged++;
}
console.log(
  `${pages} pages (${blocksTotal} blocks; shared pages and labelled texts), viewports of ${VIEW} blocks at 1/4, 1/2 and 3/4 of each page: provisional marks ${provisionalMarks}, ` +
    `removed by the final decision ${removed}, added by it ${added}, pages where the viewport's marks changed ${pagesChanged}.`,
);
perPage.sort((a, b) => a.ms - b.ms);
const largest = perPage.reduce((a, b) => (b.blocks > a.blocks ? b : a));
console.log(
  `Decide per page: median ${perPage[perPage.length >> 1]!.ms.toFixed(2)} ms, slowest ${perPage.at(-1)!.ms.toFixed(2)} ms; ` +
    `largest page (${largest.blocks} blocks) ${largest.ms.toFixed(2)} ms.`,
);
console.log(`Cost over all pages: collect (the scan) ${collectMs.toFixed(1)} ms, decide ${decideMs.toFixed(1)} ms (${((decideMs / collectMs) * 100).toFixed(1)} %).`);
