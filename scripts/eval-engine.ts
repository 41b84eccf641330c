// Precision and recall of the mention engine on the labelled real texts of tests/fixtures/texts (issue 12),
// for three matchers on the same texts:
// - naive: every alias of the fact base, case-sensitive, whole words (no rules at all);
// - before: the engine and fact base as they were before the document pass (a copy of commit 396404d, given
//   with --before DIR: DIR/utils/engine/index.ts and DIR/utils/factbase/generated/idlib-2019.ts), called per
//   block as the page calls it;
// - after: this engine, `findDocumentMentions` over the page's blocks.
// A predicted mention counts as right when it overlaps a labelled one of the same actor (each labelled one
// matched once). Labels (labels.json) follow the choice of what a reader wants marked: on a page that
// is not about the story nothing is wanted, not even the United States or Trump.
// With --pages DIR it also counts, on real pages (*.html), how many get marks and how many marks per actor,
// before and after.
//
//   npx tsx scripts/eval-engine.ts [--before /tmp/engine-before] [--pages ../shared/fixtures/pages] [--markdown]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FACT_BASE } from '../utils/factbase/generated/idlib-2019';
import type { CompiledFactBase } from '../utils/factbase/types';
import { compileMatcher, findDocumentMentions } from '../utils/engine/index';
import { visibleBlocksOfHtml } from '../cli/scan';

const TEXTS = join(import.meta.dirname, '..', 'tests', 'fixtures', 'texts');

interface Span {
  start: number;
  end: number;
  actorId: string;
}
type GoldEntry = [string, string] | [string, string, { nth?: number[]; after?: string }];
type Labels = Record<string, { gold: GoldEntry[] }>;
/** Mentions per block of a page (offsets in the block). */
type Engine = (blocks: string[]) => { start: number; end: number; actorId: string }[][];

const ARABIC = /[\u0600-\u06ff]/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The labelled mentions of a text: each surface's whole-word occurrences, longest surfaces first, no overlap. */
export function goldSpans(text: string, gold: readonly GoldEntry[]): Span[] {
  const spans: Span[] = [];
  const taken = (s: number, e: number) => spans.some((x) => x.start < e && s < x.end);
  const sorted = [...gold].sort((a, b) => b[0].length - a[0].length);
  for (const [surface, actorId, opts] of sorted) {
    const left = ARABIC.test(surface) ? '(?<=(?:^|[^\\p{L}\\p{N}\\p{M}])(?:[\u0648\u0641\u0628\u0644\u0643]{1,2})?)' : '(?<![\\p{L}\\p{N}\\p{M}])';
    const re = new RegExp(`${left}${escape(surface)}(?![\\p{L}\\p{N}\\p{M}])`, 'gu');
    const from = opts?.after ? text.indexOf(opts.after) : 0;
    let nth = 0;
    for (const m of text.matchAll(re)) {
      nth++;
      if (opts?.nth && !opts.nth.includes(nth)) continue;
      if (m.index! < from) continue;
      const s = m.index!;
      const e = s + surface.length;
      if (!taken(s, e)) spans.push({ start: s, end: e, actorId });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Blocks of a plain text (paragraphs between blank lines) with their offsets. */
export function textBlocks(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const re = /\n[ \t]*\n/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    out.push({ text: text.slice(last, m.index), offset: last });
    last = m.index! + m[0].length;
  }
  out.push({ text: text.slice(last), offset: last });
  return out.filter((b) => b.text.trim().length > 0);
}

function naiveEngine(base: CompiledFactBase): Engine {
  const aliases = base.actors.flatMap((a) => a.aliases.map((al) => ({ text: al.text, actorId: a.id }))).sort((x, y) => y.text.length - x.text.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${aliases.map((a) => escape(a.text)).join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'gu');
  const byText = new Map(aliases.map((a) => [a.text, a.actorId]));
  return (blocks) => blocks.map((b) => [...b.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, actorId: byText.get(m[0])! })));
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  errors: string[];
}

export function score(engine: Engine, labels: Labels, dir = TEXTS): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: string[] = [];
  for (const [file, { gold }] of Object.entries(labels)) {
    const text = readFileSync(join(dir, file), 'utf8');
    const blocks = textBlocks(text);
    const found = engine(blocks.map((b) => b.text));
    const predicted: Span[] = found.flatMap((ms, i) => ms.map((m) => ({ start: m.start + blocks[i]!.offset, end: m.end + blocks[i]!.offset, actorId: m.actorId })));
    const wanted = goldSpans(text, gold);
    const used = new Set<number>();
    for (const p of predicted) {
      const k = wanted.findIndex((g, i) => !used.has(i) && g.actorId === p.actorId && g.start < p.end && p.start < g.end);
      if (k >= 0) {
        used.add(k);
        tp++;
      } else {
        fp++;
        errors.push(`${file}: wrong ${p.actorId} "${text.slice(p.start, p.end)}"`);
      }
    }
    wanted.forEach((g, i) => {
      if (used.has(i)) return;
      fn++;
      errors.push(`${file}: missed ${g.actorId} "${text.slice(g.start, g.end)}"`);
    });
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { tp, fp, fn, precision, recall, errors };
}

async function beforeEngine(dir: string): Promise<{ engine: Engine; base: CompiledFactBase }> {
  const mod = (await import(pathToFileURL(join(dir, 'utils/engine/index.ts')).href)) as typeof import('../utils/engine/index');
  const gen = (await import(pathToFileURL(join(dir, 'utils/factbase/generated/idlib-2019.ts')).href)) as { FACT_BASE: CompiledFactBase };
  const matcher = mod.compileMatcher(gen.FACT_BASE);
  return { engine: (blocks) => blocks.map((b) => mod.findMentions(b, matcher)), base: gen.FACT_BASE };
}

function afterEngine(): Engine {
  const matcher = compileMatcher(FACT_BASE);
  return (blocks) => findDocumentMentions(blocks, matcher).mentions;
}

/** Pages with marks and marks per actor, over real pages. */
function pageCounts(engine: Engine, dir: string): { pages: number; marked: number; marks: number; perActor: Map<string, number>; onlyPeripheral: number } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  const perActor = new Map<string, number>();
  let marked = 0;
  let marks = 0;
  let onlyPeripheral = 0;
  const peripheral = new Set(FACT_BASE.actors.filter((a) => a.peripheral).map((a) => a.id));
  for (const f of files) {
    const blocks = visibleBlocksOfHtml(readFileSync(join(dir, f), 'utf8'));
    const found = engine(blocks).flat();
    if (found.length > 0) marked++;
    if (found.length > 0 && found.every((m) => peripheral.has(m.actorId))) onlyPeripheral++;
    marks += found.length;
    for (const m of found) perActor.set(m.actorId, (perActor.get(m.actorId) ?? 0) + 1);
  }
  return { pages: files.length, marked, marks, perActor, onlyPeripheral };
}

const pct = (x: number) => x.toFixed(3);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const labels = JSON.parse(readFileSync(join(TEXTS, 'labels.json'), 'utf8')) as Labels;
  const rows: [string, Score][] = [];
  const beforeDir = opt('--before');
  let before: { engine: Engine; base: CompiledFactBase } | null = null;
  if (beforeDir) {
    before = await beforeEngine(beforeDir);
    rows.push(['naive whole-word, fact base before', score(naiveEngine(before.base), labels)]);
  }
  rows.push(['naive whole-word, fact base after', score(naiveEngine(FACT_BASE), labels)]);
  if (before) rows.push(['engine before (per block, fact base before)', score(before.engine, labels)]);
  rows.push(['engine after (document pass, fact base after)', score(afterEngine(), labels)]);
  const files = Object.keys(labels).length;
  console.log(`Labelled real texts: ${files} (tests/fixtures/texts)\n`);
  console.log('| matcher | precision | recall | right | wrong | missed |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, s] of rows) console.log(`| ${name} | ${pct(s.precision)} | ${pct(s.recall)} | ${s.tp} | ${s.fp} | ${s.fn} |`);
  if (args.includes('--errors')) for (const [name, s] of rows) console.log(`\n${name}:\n  ${s.errors.join('\n  ')}`);
  const pagesDir = opt('--pages');
  if (pagesDir) {
    const sets: [string, Engine][] = [];
    if (before) sets.push(['before', before.engine]);
    sets.push(['after', afterEngine()]);
    console.log('\n| real pages | pages | with marks | only US/Trump/UN | marks | top actors |');
    console.log('|---|---|---|---|---|---|');
    for (const [name, engine] of sets) {
      const c = pageCounts(engine, pagesDir);
      const top = [...c.perActor].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([a, n]) => `${a} ${n}`).join(', ');
      console.log(`| ${name} | ${c.pages} | ${c.marked} | ${c.onlyPeripheral} | ${c.marks} | ${top} |`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
