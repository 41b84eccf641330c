// One cold scan, for scripts/bench-engine.ts: a page's scan runs once in a fresh page, so its code runs cold.
// This process compiles the built-in bases, then times ONE pass of the chosen scan loop over one shared page's
// blocks (wall time: CPU time would count the compiler's background threads too) and prints it as JSON. bench-engine.ts runs it in fresh processes, the loops alternated.
//
//   npx tsx scripts/bench-engine-cold.ts likely|every PAGE.html
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileMatcher, scan, scanEveryCharacter } from '../utils/engine/index';
import { FACT_BASES } from '../utils/factbase/generated';
import { readHtml } from '../cli/scan';
import { SHARED_PAGES } from './lib/paths';

const [loop, page] = process.argv.slice(2);
if ((loop !== 'likely' && loop !== 'every') || !page) {
  console.error('usage: bench-engine-cold.ts likely|every PAGE.html');
  process.exit(2);
}
// The page's blocks as the content script reads them (the text index, under happy-dom).
const blocks = readHtml(readFileSync(join(SHARED_PAGES, page), 'utf8')).blocks;
const matcher = compileMatcher(FACT_BASES);
const run = loop === 'likely' ? (text: string) => scan(text, matcher, null) : (text: string) => scanEveryCharacter(text, matcher);
const t0 = performance.now();
let hits = 0;
for (const block of blocks) hits += run(block)?.length ?? 0;
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, hits, chars: blocks.reduce((n, b) => n + b.length, 0) }));
