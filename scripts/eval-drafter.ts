// Measures the drafter (docs/drafter.md): the seed article against its hand-curated base, actor by actor; the
// drafts of real news pages from the shared fixtures, printed for judging by hand; drafting time; the size
// of the drafter with its NLP when bundled for the browser.
//   npx tsx scripts/eval-drafter.ts [--pages] [--time] [--bundle]   (no flag: all)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { comparePacks } from '../utils/drafter/compare';
import { draftPack } from '../utils/drafter/draft';
import { readArticleFile } from '../cli/draft';
import { SHARED_PAGES } from './lib/paths';

const PAGES_DIR = SHARED_PAGES;
const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const SEED = readFileSync(root('assets/articles/idlib-2019.txt'), 'utf8');
const CURATED = JSON.parse(readFileSync(root('assets/factbase/idlib-2019.json'), 'utf8')) as {
  actors: { id: string; name: string; kind: string; aliases: { text: string }[] }[];
};
/** News articles among the fixtures (INDEX.tsv), judged by hand in docs/drafter.md. */
export const NEWS_PAGES = ['nytimes-1', 'nytimes-2', 'wapo-2', 'seattletimes-1', 'nytimes-4', 'yahoo-3', 'cnn', 'tmz-1', 'salon-1'];

function seedTable(): void {
  const result = draftPack(SEED);
  if (!result.ok) throw new Error(result.problem.message);
  const { rows, extra } = comparePacks(CURATED.actors, result.pack.actors);
  console.log('| curated actor | kind | drafted as | drafted kind | matched by |\n|---|---|---|---|---|');
  for (const r of rows) {
    const kind = r.curated.kind;
    console.log(`| ${r.curated.name} | ${kind} | ${r.drafted?.name ?? '**missed**'} | ${r.drafted ? (r.drafted.kind === kind ? r.drafted.kind : `**${r.drafted.kind}**`) : ''} | ${r.via ?? ''} |`);
  }
  for (const e of extra) console.log(`| (not curated) | | ${e.name} | ${e.kind} | |`);
  const text = result.pack.source.text!;
  const quotes = result.pack.actors.flatMap((a) => [a.identityQuote, ...a.facts.map((f) => f.quote), ...a.related.map((r) => r.quote)]);
  const verbatim = quotes.filter((q) => text.includes(q)).length;
  console.log(`\nrecovered ${rows.filter((r) => r.drafted).length}/${rows.length}, not curated ${extra.length}, quotes verbatim ${verbatim}/${quotes.length}`);
}

function draftPage(name: string) {
  const article = readArticleFile(`${PAGES_DIR}/${name}.html`);
  if (!article.ok) return { name, error: article.message };
  const t0 = performance.now();
  const result = draftPack(article.text, article.meta);
  return { name, text: article.text, ms: performance.now() - t0, result };
}

function pages(): void {
  for (const name of NEWS_PAGES) {
    const d = draftPage(name);
    if ('error' in d) {
      console.log(`\n## ${name}: ${d.error}`);
      continue;
    }
    if (!d.result.ok) {
      console.log(`\n## ${name}: ${d.result.problem.message}`);
      continue;
    }
    const { pack } = d.result;
    console.log(`\n## ${name}: "${pack.source.title}" (${d.text.length} chars, ${pack.actors.length} actors, ${d.ms.toFixed(0)} ms)`);
    for (const a of pack.actors) {
      const aliases = a.aliases.slice(1, 4).map((x) => x.text).join(', ');
      console.log(`- ${a.kind}: ${a.name}${aliases ? ` (${aliases})` : ''} — ${a.facts.length} facts`);
    }
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timing(): void {
  // A 30 KB article made of real articles' text (the seed and the judged news pages), cut at 30,000 characters.
  const texts = [SEED, ...NEWS_PAGES.map((n) => draftPage(n)).flatMap((d) => ('text' in d && d.text ? [d.text] : []))];
  const article = texts.join('\n\n').slice(0, 30_000);
  for (const [label, text] of [['seed (2.5 KB)', SEED], ['30 KB', article], ['200 KB (the cut limit)', `${article}\n\n`.repeat(7).slice(0, 200_000)]] as const) {
    draftPack(text); // warm-up
    const runs = Array.from({ length: 5 }, () => {
      const t0 = performance.now();
      draftPack(text);
      return performance.now() - t0;
    });
    console.log(`draftPack ${label}: median ${median(runs).toFixed(0)} ms of 5 (min ${Math.min(...runs).toFixed(0)})`);
  }
}

async function bundle(): Promise<void> {
  for (const entry of ['utils/drafter/draft.ts', 'utils/drafter/extract.ts']) {
    const out = await build({ entryPoints: [root(entry)], bundle: true, minify: true, write: false, format: 'esm', platform: 'browser' });
    const code = out.outputFiles[0]!.contents;
    console.log(`${entry} bundled for the browser: ${(code.length / 1024).toFixed(0)} KB minified, ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(0)} KB gzip`);
  }
}

const flags = new Set(process.argv.slice(2));
const all = flags.size === 0;
console.log('# Seed article against the curated base\n');
if (all || flags.has('--seed')) seedTable();
if (all || flags.has('--pages')) pages();
if (all || flags.has('--time')) timing();
if (all || flags.has('--bundle')) await bundle();
