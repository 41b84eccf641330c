// `npm run bench`: Factlens's speed and size in headless Chromium, as ratios measured side by side in one
// run (medians of several runs). Builds nothing: it measures the Chrome build that exists (.output/chrome-mv3,
// or $FACTLENS_OUT_DIR/chrome-mv3). Writes bench-output/results.json and docs/benchmarks.md (the README's
// table) and prints the table.
//
// Environment: FACTLENS_BENCH_RUNS (loads per figure, default 7), FACTLENS_BENCH_QUICK=1 (2 runs, fewer
// samples: a smoke test of the bench itself), FACTLENS_BENCH_SECTIONS (comma-separated subset of
// factlens,paint (needs factlens),floor,growth,hover,memory,peers,aliases,aliases-extension,trace,bigpacks,size,draft,bundle,profile,
// engine,cli,decision;
// default all),
// FACTLENS_BENCH_MARKJS_LARGE=0 (leave mark.js off the 1 MB page: over a minute a pass).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  CHROME_DIST,
  PROJECT_PAGES,
  REPO_ROOT,
  SHARED_PAGES,
  launchChromium,
  serveFixtures,
  type ExtensionBrowser,
  type FixtureServer,
  type Route,
} from './lib/browser';
import { SETTINGS_VERSION } from '../utils/settings/schema';
import { aliasCount, aliasTexts, bundleEngine, loadFactBases, padFactBases, readySet, wordsOf } from './bench-aliases';
import {
  FLOOR_EXTENSION,
  FRAME_CHECK_EXTENSION,
  EMPTY_EXTENSION,
  BODY_EXTENSION,
  PEERS,
  browserVersion,
  floorColdRun,
  factlensRun,
  floorOnce,
  heapUsage,
  hoverSamples,
  median,
  openPage,
  peerRun,
  percentile,
  prepareBrowser,
  settle,
  storeSettingsChanges,
  work,
  type FirstMark,
  type PeerName,
  type WorkResult,
} from './bench-browser';
import { BIGPACK_FRAMES, BIGPACK_PAGE, BIGPACK_SIZES, bigPack, bigPackLoad, bigPackPages, storeBigPack, type BigPackLoad } from './bench-bigpacks';
import { analyseContentScript, buildWithSourceMaps, groupOf, sourceLocator } from './bench-bundle';
import { DRAFT_PAGES, SEED_ARTICLE, articleExtractSize, draftPageSizes, libraryProbes, measureDraft, medianOf } from './bench-draft';
import { profileLoad } from './bench-profile';
import { BENCH_CSP, FIRST_MARK_PAGE, LARGE_PAGE, NEWS_PAGES, WIKIPEDIA_PAGE, assembleLargePage } from './bench-pages';
import {
  FRAMES_PAGE,
  FRAME_COUNT,
  SMALL_PAGE,
  metricsLoad,
  traceLoad,
  tracePages,
  type MetricsResult,
  type TraceResult,
} from './bench-trace';

const QUICK = process.env.FACTLENS_BENCH_QUICK === '1';
// Seven loads a figure: one load of a page varies by ±30-50 % here (2-core VMs), and a median of five moved a
// ratio near its goal across it from one run to the next.
const RUNS = Number(process.env.FACTLENS_BENCH_RUNS ?? (QUICK ? 2 : 7));
const PEER_RUNS: Record<PeerName, number> = { 'mark.js': QUICK ? 1 : 2, 'advanced-mark.js': RUNS };
// mark.js takes about 10-20 s a pass on wikipedia-2 and over a minute on the 1 MB page: one pass there,
// to keep the whole bench within about ten minutes on two cores (FACTLENS_BENCH_MARKJS_LARGE=0: none).
const MARKJS_ON_LARGE = process.env.FACTLENS_BENCH_MARKJS_LARGE !== '0';
const TRACE_RUNS = QUICK ? 2 : 4;
const GROWTH_RUNS = QUICK ? 1 : 3;
const GROWTH_PARAGRAPHS = 100;
const HOVER_SAMPLES = QUICK ? 5 : 20;
const PADDED_ALIASES = 10_000;
const OUT = path.join(REPO_ROOT, 'bench-output');
const DOC = path.join(REPO_ROOT, 'docs/benchmarks.md');
const KB = 1000;
const ALL_SECTIONS = 'factlens,paint,floor,growth,hover,memory,peers,aliases,aliases-extension,trace,bigpacks,size,draft,bundle,profile,engine,cli,decision';
const SECTIONS = new Set((process.env.FACTLENS_BENCH_SECTIONS ?? ALL_SECTIONS).split(',').map((x) => x.trim()));
/** Only a full run writes results.json and docs/benchmarks.md; a subset writes results-partial.json. */
const FULL = ALL_SECTIONS.split(',').every((s) => SECTIONS.has(s)) && !QUICK;
const wanted = (name: string) => SECTIONS.has(name);

type Met = 'yes' | 'NO' | '—';
interface Row {
  id: string;
  figure: string;
  value: string;
  goal: string;
  met: Met;
  /** The figure as a number (ratio, ms or bytes) when there is one. */
  number?: number;
  note?: string;
}

const rows: Row[] = [];
const notes: string[] = [];
const details: Record<string, unknown> = {};

function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return String(n);
  return n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
const ms = (n: number) => `${fmt(n, n < 10 ? 2 : 1)} ms`;
/** A first-marks time, or "no marks" for a page where Factlens marks nothing (no time to give). */
const firstMarkMs = (n: number) => (Number.isFinite(n) ? ms(n) : 'no marks');
const times = (n: number) => `${fmt(n, n < 10 ? 2 : 1)}×`;

function row(r: Row): void {
  rows.push(r);
  const flag = r.met === 'NO' ? '  <-- goal missed' : '';
  console.log(`  ${r.figure}: ${r.value} (goal ${r.goal})${flag}`);
}

function failed(id: string, figure: string, goal: string, error: unknown): void {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  row({ id, figure, value: `not measured: ${message}`, goal, met: goal === '—' ? '—' : 'NO' });
}

/** Runs one section; a failure is printed and noted. `retries`: tries again after a failure (each noted). */
async function section(name: string, fn: () => Promise<void>, retries = 0): Promise<void> {
  const t0 = Date.now();
  console.log(`\n## ${name}`);
  for (let attempt = 0; ; attempt++) {
    try {
      await fn();
      break;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const again = attempt < retries;
      console.log(`  (section failed: ${message}${again ? '; trying again' : ''})`);
      notes.push(`${name}: failed${again ? ' once, tried again' : ''}: ${message.split('\n')[0]}`);
      if (!again) break;
    }
  }
  console.log(`  [${((Date.now() - t0) / 1000).toFixed(1)} s]`);
}

interface BenchPage {
  key: string;
  label: string;
  path: string;
}

interface FactlensFigures {
  totalMs: number;
  scanMs: number;
  markMs: number;
  floorWarmMs: number;
  floorColdMs: number;
  chars: number;
  nodes: number;
  longestTaskMs: number;
  longestMeasureMs: number;
  longTaskApi: boolean;
  scanWork: string;
  highlights: number;
  /** First factlens:mark measure's end, after DOMContentLoaded's end / after Factlens's first measure began. */
  firstMarkAfterDclMs: number;
  firstMarkAfterStartMs: number;
  /** DOMContentLoaded's end to the load event's end: the window in which document_idle falls. */
  dclToLoadMs: number;
  runs: { work: WorkResult; floor: { coldMs: number; warmMs: number }; firstMark: FirstMark }[];
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function measureFactlens(ext: ExtensionBrowser, server: FixtureServer, page: BenchPage): Promise<FactlensFigures> {
  const runs: Awaited<ReturnType<typeof factlensRun>>[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await factlensRun(ext, server.url(page.path));
    runs.push(r);
    console.log(
      `  run ${i + 1}: scan ${ms(r.work.scanMs)} + mark ${ms(r.work.markMs)} in ${r.work.count} measures, ` +
        `${r.work.highlights} marks; floor ${ms(r.floor.warmMs)} (cold ${ms(r.floor.coldMs)})`,
    );
  }
  const first = runs[0]!;
  const sources = new Set(runs.map((r) => r.work.scanWork));
  if (!sources.has('detail.workMs') && !notes.some((n) => n.startsWith('factlens:scan'))) {
    notes.push(
      'factlens:scan measures carry no detail.workMs: their work is taken as the span of each pass less the factlens:mark ' +
        'measures inside it, which still counts the pauses where the scanner yields to the page (an over-estimate).',
    );
  }
  return {
    totalMs: median(runs.map((r) => r.work.totalMs)),
    scanMs: median(runs.map((r) => r.work.scanMs)),
    markMs: median(runs.map((r) => r.work.markMs)),
    floorWarmMs: median(runs.map((r) => r.floor.warmMs)),
    floorColdMs: median(runs.map((r) => r.floor.coldMs)),
    chars: first.floor.chars,
    nodes: first.floor.nodes,
    longestTaskMs: Math.max(...runs.map((r) => r.work.longestTaskMs)),
    longestMeasureMs: Math.max(...runs.map((r) => r.work.longestMeasureMs)),
    longTaskApi: first.work.longTaskApi,
    scanWork: [...sources].join('+'),
    highlights: first.work.highlights,
    firstMarkAfterDclMs: median(runs.map((r) => (r.firstMark.firstMarkEnd ?? NaN) - (r.firstMark.domContentLoadedEnd ?? NaN))),
    firstMarkAfterStartMs: median(runs.map((r) => (r.firstMark.firstMarkEnd ?? NaN) - (r.firstMark.firstMeasureStart ?? NaN))),
    dclToLoadMs: median(runs.map((r) => (r.firstMark.loadEnd ?? NaN) - (r.firstMark.domContentLoadedEnd ?? NaN))),
    runs: runs.map((r) => ({ work: r.work, floor: { coldMs: r.floor.coldMs, warmMs: r.floor.warmMs }, firstMark: r.firstMark })),
  };
}

/**
 * Paragraphs appended to a settled page: the mutation pass's work against the first scan's, each by its own
 * reading. The share is of the characters Factlens read (the scans' detail.chars), and the page's work leaves
 * out the loader's gate (once per load, not per text): near 1 when the pass costs what its text costs. Also
 * given: the share by the floor's count of every text node, which on wikipedia-2 is two thirds indentation
 * between blocks (341k of its 496k characters) and so makes the added text look smaller than it is.
 */
async function measureGrowth(ext: ExtensionBrowser, server: FixtureServer, page: BenchPage) {
  const samples: { ratio: number; floorShareRatio: number; newMs: number; fullMs: number; addedChars: number; readChars: number; pageChars: number; newMeasures: number }[] = [];
  for (let i = 0; i < GROWTH_RUNS; i++) {
    const p = await openPage(ext, server.url(page.path));
    try {
      await settle(p);
      const before = await work(p);
      const pageChars = (await floorOnce(p)).chars;
      const added = await p.evaluate((n) => globalThis.__factlensBench.appendParagraphs(n), GROWTH_PARAGRAPHS);
      // New measures must appear, then go quiet.
      await p.waitForFunction((n) => globalThis.__factlensBench.factlensEntries().length > n, before.count, { timeout: 20_000 });
      await settle(p);
      const after = await work(p, before.count);
      const fullMs = before.totalMs - before.gateMs;
      const newMs = after.totalMs - after.gateMs;
      const share = after.scanChars / before.scanChars;
      const floorShare = added.chars / pageChars;
      const ratio = newMs / fullMs / share;
      const floorShareRatio = newMs / fullMs / floorShare;
      samples.push({ ratio, floorShareRatio, newMs, fullMs, addedChars: after.scanChars, readChars: before.scanChars, pageChars, newMeasures: after.count });
      console.log(
        `  run ${i + 1}: +${after.scanChars} chars read (${fmt(share * 100)} % of the ${before.scanChars} the page's scan read): ` +
          `${ms(newMs)} in ${after.count} measures vs the scan ${ms(fullMs)} → ${times(ratio)} ` +
          `(by the floor's ${pageChars} characters, whitespace between blocks included: ${fmt(floorShare * 100)} %, ${times(floorShareRatio)})`,
      );
    } finally {
      await p.close();
    }
  }
  return {
    ratio: median(samples.map((s) => s.ratio)),
    floorShareRatio: median(samples.map((s) => s.floorShareRatio)),
    samples,
  };
}

async function measureHover(ext: ExtensionBrowser, server: FixtureServer): Promise<void> {
  const p = await openPage(ext, server.url('/article.html'));
  try {
    await settle(p);
    const h = await hoverSamples(p, HOVER_SAMPLES);
    details.hover = { page: 'tests/fixtures/pages/article.html', hoverDelayMs: 0, ...h };
    if (h.latencies.length === 0) {
      row({
        id: 'hover',
        figure: 'Hover: pointer move → card visible',
        value: `not measured: no card became visible (${h.mentions} mentions on screen, ${h.misses} misses)`,
        goal: '—',
        met: '—',
      });
      return;
    }
    const med = median(h.latencies);
    const p95 = percentile(h.latencies, 95);
    row({
      id: 'hover',
      figure: 'Hover: pointer move → card visible (median / p95, hover delay set to 0)',
      value: `${ms(med)} / ${ms(p95)}${h.misses ? ` (${h.misses} of ${HOVER_SAMPLES} never showed)` : ''}`,
      goal: '—',
      met: '—',
      number: med,
    });
  } finally {
    await p.close();
  }
}

/** The page's JS heap after settling (with the extension) or loading (without), for each of two fresh loads. */
async function heapAfterLoads(ext: ExtensionBrowser, url: string, withExtension: boolean) {
  const heaps = [];
  for (let i = 0; i < 2; i++) {
    const p = await openPage(ext, url);
    try {
      if (withExtension) await settle(p);
      else await p.waitForTimeout(700);
      heaps.push(await heapUsage(ext, p));
    } finally {
      await p.close();
    }
  }
  return heaps;
}

/** Issue 11: draftPack timed in Chromium, the draft page's bundle and article-extract.js sized, no NLP in content.js. */
async function draftRows(): Promise<void> {
  const d = await measureDraft(RUNS);
  details.draft = d;
  console.log(`  article: ${d.sources.map((s) => `${s.page} ${s.chars}`).join(' + ')} chars → ${d.article.chars} chars`);
  for (const [key, label, m, goal] of [
    ['draft-30kb', `draftPack on a ~30 KB article (${DRAFT_PAGES.join(' + ')}, extracted), in Chromium`, d.article, 1000],
    ['draft-seed', `draftPack on the seed article (${SEED_ARTICLE}), in Chromium`, d.seed, undefined],
  ] as const) {
    const t = m.timing;
    console.log(`  ${key}: cold ${ms(t.coldMs)}, then ${t.times.map(ms).join(', ')}; ${t.ok ? `${t.actors} actors` : `failed: ${t.problem}`}`);
    const med = medianOf(t);
    row({
      id: key,
      figure: `${label}: median after a warm-up run`,
      value: t.ok
        ? `${ms(med)} (${m.chars.toLocaleString('en-GB')} chars, ${t.actors} actors; first call in a fresh page ${ms(t.coldMs)})`
        : `draft failed: ${t.problem}`,
      goal: goal ? `< ${goal} ms` : '—',
      met: goal ? (t.ok && med < goal ? 'yes' : 'NO') : '—',
      number: med,
    });
  }
  const pageJs = draftPageSizes(CHROME_DIST);
  details.draftPage = pageJs;
  const allGz = pageJs.all.reduce((n, f) => n + f.gzip, 0);
  row({
    id: 'size-draft-page',
    figure: "Draft page bundle with the NLP (draft.html's entry chunk, chunks/draft-*.js), raw / gzip -9",
    value: `${fmt(pageJs.entry.raw / KB)} KB / ${fmt(pageJs.entry.gzip / KB)} KB (all ${pageJs.all.length} scripts draft.html loads: ${fmt(allGz / KB)} KB gzip)`,
    goal: '—',
    met: '—',
    number: pageJs.entry.gzip,
  });
  const extract = articleExtractSize(CHROME_DIST);
  row({
    id: 'size-article-extract',
    figure: 'Article extraction module (article-extract.js: Readability, loaded on demand by the content script), raw / gzip -9',
    value: `${fmt(extract.raw / KB)} KB / ${fmt(extract.gzip / KB)} KB`,
    goal: '—',
    met: '—',
    number: extract.gzip,
  });
  const { content, probes } = libraryProbes(CHROME_DIST);
  details.draftProbes = probes;
  const present = probes.filter((p) => p.inContent);
  const unproven = probes.filter((p) => !p.inExpected);
  row({
    id: 'content-no-nlp',
    figure: `compromise/Readability absent from content-scripts/content.js (${probes.map((p) => `"${p.probe}"`).join(', ')})`,
    value:
      (present.length ? `present: ${present.map((p) => p.library).join(', ')}` : 'absent') +
      (unproven.length ? `; probe not found in its own bundle: ${unproven.map((p) => p.library).join(', ')}` : '') +
      ` (content.js ${fmt(content.raw / KB)} KB / ${fmt(content.gzip / KB)} KB gzip)`,
    goal: 'absent',
    met: present.length === 0 && unproven.length === 0 ? 'yes' : 'NO',
  });
}

function sizeRows(): void {
  const dir = path.join(CHROME_DIST, 'content-scripts');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')) : [];
  if (files.length === 0) {
    row({ id: 'size', figure: 'Content script size', value: 'not measured: no content-scripts/*.js in the build', goal: '≤ 25 KB gzip', met: 'NO' });
    return;
  }
  let raw = 0;
  let gz = 0;
  const perFile: Record<string, { raw: number; gzip: number }> = {};
  for (const f of files) {
    const bytes = readFileSync(path.join(dir, f));
    const g = gzipSync(bytes, { level: 9 }).length;
    perFile[f] = { raw: bytes.length, gzip: g };
    raw += bytes.length;
    gz += g;
  }
  const cssDir = dir;
  const css = readdirSync(cssDir).filter((f) => f.endsWith('.css'));
  details.size = { files: perFile, css: Object.fromEntries(css.map((f) => [f, statSync(path.join(cssDir, f)).size])) };
  row({
    id: 'size',
    figure: `Content script size (${files.join(', ')}: the loader every frame gets), raw / gzip -9`,
    value: `${fmt(raw / KB)} KB / ${fmt(gz / KB)} KB`,
    goal: '≤ 25 KB gzip',
    met: gz <= 25 * KB ? 'yes' : 'NO',
    number: gz,
  });
  // The modules the loader and the card import later, each sized on its own (no goal: the goal is the loader's).
  const moduleRow = (file: string, key: string, id: string, figure: string) => {
    const at = path.join(CHROME_DIST, file);
    if (!existsSync(at)) return;
    const bytes = readFileSync(at);
    const g = gzipSync(bytes, { level: 9 }).length;
    (details.size as Record<string, unknown>)[key] = { raw: bytes.length, gzip: g };
    row({ id, figure: `${figure}, raw / gzip -9`, value: `${fmt(bytes.length / KB)} KB / ${fmt(g / KB)} KB`, goal: '—', met: '—', number: g });
  };
  moduleRow('content-app.js', 'contentApp', 'size-content-app', 'Content app module (content-app.js, imported by the loader in the top frame; frames with text import its copy content-app-frame.js)');
  // The card's UI (Preact, Floating UI, the views, the full facts) is loaded on the first card open only.
  moduleRow('card-ui.js', 'cardUi', 'size-card-ui', 'Card UI module (card-ui.js, loaded on the first card open only)');
}

async function engineSection(): Promise<string | null> {
  const file = path.join(REPO_ROOT, 'scripts/bench-engine.ts');
  if (!existsSync(file)) {
    console.log('  scripts/bench-engine.ts does not exist: no engine table.');
    return null;
  }
  const mod = (await import(pathToFileURL(file).href)) as { benchEngine?: () => unknown };
  if (typeof mod.benchEngine !== 'function') {
    console.log('  scripts/bench-engine.ts exports no benchEngine(): no engine table.');
    return null;
  }
  const result = await mod.benchEngine();
  details.engine = result;
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && typeof (result as { markdown?: unknown }).markdown === 'string') {
    return (result as { markdown: string }).markdown;
  }
  const list = Array.isArray(result)
    ? result
    : result && typeof result === 'object' && Array.isArray((result as { rows?: unknown }).rows)
      ? (result as { rows: unknown[] }).rows
      : null;
  if (list && list.length > 0 && typeof list[0] === 'object') {
    const keys = [...new Set(list.flatMap((r) => Object.keys(r as object)))];
    const lines = [`| ${keys.join(' | ')} |`, `|${keys.map(() => '---').join('|')}|`];
    for (const r of list as Record<string, unknown>[]) lines.push(`| ${keys.map((k) => String(r[k] ?? '')).join(' | ')} |`);
    return lines.join('\n');
  }
  return '```json\n' + JSON.stringify(result, null, 2) + '\n```';
}

interface Series {
  trace: Record<string, TraceResult[]>;
  metrics: Record<string, MetricsResult[]>;
}

async function traceSeries(browser: ExtensionBrowser, server: FixtureServer, traced = true): Promise<Series> {
  const out: Series = { trace: { [SMALL_PAGE]: [], [FRAMES_PAGE]: [] }, metrics: { [SMALL_PAGE]: [], [FRAMES_PAGE]: [] } };
  // One load of each first, not counted: the compile cache and the browser's first-page costs warm up,
  // as in a browser that has loaded the extension before.
  for (const p of [SMALL_PAGE, FRAMES_PAGE]) await metricsLoad(browser, server.url(p));
  for (let i = 0; i < TRACE_RUNS; i++) {
    for (const p of [SMALL_PAGE, FRAMES_PAGE]) {
      if (traced) out.trace[p]!.push((await traceLoad(browser, server.url(p))).result);
      out.metrics[p]!.push(await metricsLoad(browser, server.url(p)));
    }
  }
  return out;
}

async function bigPackRows(server: FixtureServer): Promise<void> {
  for (const size of [0, ...BIGPACK_SIZES]) {
    const ext = await launchChromium();
    try {
      await prepareBrowser(ext);
      const label = size === 0 ? 'no pack (the real base alone)' : `a pack of ${size.toLocaleString('en-GB')} aliases`;
      const stored = size === 0 ? 0 : await storeBigPack(ext, await bigPack(size));
      const loads: BigPackLoad[] = [];
      for (let i = 0; i < RUNS; i++) loads.push(await bigPackLoad(ext, server.url(BIGPACK_PAGE)));
      details[`bigpack-${size}`] = { stored, loads };
      const first = median(loads.map((l) => l.firstMarkMs));
      const longest = Math.max(...loads.map((l) => l.longestTaskMs));
      const goals = size === 28_000;
      row({
        id: `bigpack-${size}-first-mark`,
        figure: `Big packs, ${label}: first marks of the top frame, from the navigation's start`,
        value: `${ms(first)} (${loads.map((l) => ms(l.firstMarkMs)).join(', ')}; ${loads[0]?.highlights ?? 0} marks)` +
          (size ? `; the background validated and stored it in ${ms(stored)}` : ''),
        goal: goals ? '≤ 500 ms' : '—',
        met: goals ? (first <= 500 ? 'yes' : 'NO') : '—',
      });
      row({
        id: `bigpack-${size}-longest-task`,
        figure: `Big packs, ${label}: the longest task while the page and its frames loaded`,
        value: `${ms(longest)} (per load: ${loads.map((l) => ms(l.longestTaskMs)).join(', ')})`,
        goal: goals ? '≤ 50 ms' : '—',
        met: goals ? (longest <= 50 ? 'yes' : 'NO') : '—',
      });
    } finally {
      await ext.close();
    }
  }
}

/**
 * 10,000 aliases as a reader has them: the built-in base and a stored pack, in the built extension, on
 * wikipedia-2 (none of the pack's names is on it). Per load: Factlens work (scan + mark) and factlens:prepare
 * (the frame's record parsed, the lean bases made, the matcher hydrated), against the same without the pack.
 */
async function aliasesInExtensionRows(server: FixtureServer, page: BenchPage): Promise<void> {
  // Two browsers, one with the pack stored: their loads alternate, so the machine's drift falls on both alike.
  const plain = await launchChromium();
  const withPack = await launchChromium();
  try {
    await prepareBrowser(plain);
    await prepareBrowser(withPack);
    const pack = await bigPack(PADDED_ALIASES);
    const stored = await storeBigPack(withPack, pack);
    const load = async (ext: ExtensionBrowser) => {
      const p = await openPage(ext, server.url(page.path));
      try {
        await settle(p);
        const w = await work(p);
        const prepareMs = await p.evaluate(() => performance.getEntriesByName('factlens:prepare').at(-1)?.duration ?? NaN);
        return { workMs: w.totalMs, prepareMs };
      } finally {
        await p.close();
      }
    };
    const real: { workMs: number; prepareMs: number }[] = [];
    const padded: { workMs: number; prepareMs: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      real.push(await load(plain));
      padded.push(await load(withPack));
    }
    // Per pair, then the median of the pairs' ratios (as the engine-alone figures do).
    const ratio = median(real.map((r, i) => (padded[i]!.workMs + padded[i]!.prepareMs) / (r.workMs + r.prepareMs)));
    details['aliases-extension'] = { real, padded, stored, packAliases: aliasCount([pack]) };
    const part = (l: { workMs: number; prepareMs: number }[]) => `${ms(median(l.map((x) => x.workMs)))} + ${ms(median(l.map((x) => x.prepareMs)))}`;
    row({
      id: `aliases-extension-${page.key}`,
      figure: `Aliases in the built extension: the built-in base and a stored pack, ${PADDED_ALIASES.toLocaleString('en-GB')} aliases in all, ÷ the built-in base alone, ${page.label} (Factlens work + preparing the matcher, loads alternated)`,
      value: `${times(ratio)} (work + preparation: ${part(padded)} vs ${part(real)})`,
      goal: '— (the engine-alone figures above carry the ≤ 1.3 goal)',
      met: '—',
      number: ratio,
    });
  } finally {
    await plain.close();
    await withPack.close();
  }
}

async function traceRows(server: FixtureServer): Promise<void> {
  const series = async (options: Parameters<typeof launchChromium>[0], traced = true) => {
    const b = await launchChromium(options);
    try {
      return await traceSeries(b, server, traced);
    } finally {
      await b.close();
    }
  };
  const withExt = await series({});
  const without = await series({ withoutExtension: true }, false);
  // The reachable floor for a frame: a content script that only checks whether the frame has text.
  const check = await series({ dist: FRAME_CHECK_EXTENSION });
  // The floors of any content script (one that does nothing) and of one that looks at the page (reads document.body).
  const empty = await series({ dist: EMPTY_EXTENSION });
  const body = await series({ dist: BODY_EXTENSION });
  const med = <T>(xs: T[], f: (r: T) => number) => median(xs.map(f));
  const small = withExt.trace[SMALL_PAGE]!;
  const frames = withExt.trace[FRAMES_PAGE]!;
  for (const [label, rs] of [['small page', small], [`${FRAME_COUNT}-frame page`, frames]] as const) {
    console.log(`  ${label}: extension ${rs.map((r) => ms(r.extensionMs)).join(', ')}; compile ${rs.map((r) => ms(r.compileMs)).join(', ')}`);
  }
  // Renderer task time (Performance.getMetrics, untraced), with minus without the extension.
  const task = (set: Series, p: string, f: (m: MetricsResult) => number = (m) => m.taskMs) => med(set.metrics[p]!, f);
  const added = (set: Series, p: string, f?: (m: MetricsResult) => number) => task(set, p, f) - task(without, p, f);
  const perFrameAdded = (set: Series, f?: (m: MetricsResult) => number) => (added(set, FRAMES_PAGE, f) - added(set, SMALL_PAGE, f)) / FRAME_COUNT;
  const smallExt = med(small, (r) => r.extensionMs);
  const framesExt = med(frames, (r) => r.extensionMs);
  details.trace = { runs: TRACE_RUNS, frameCount: FRAME_COUNT, withExtension: withExt, withoutExtension: without, frameCheck: check, empty, body };
  row({
    id: 'fixed-small',
    figure: "Fixed cost per load, small one-frame page (20 paragraphs): the extension's script time (CDP trace)",
    value:
      `${ms(smallExt)} (compiling its scripts ${ms(med(small, (r) => r.compileMs))}; ` +
      `renderer task time with − without the extension ${ms(added(withExt, SMALL_PAGE))})`,
    goal: '≤ 5 ms',
    met: smallExt <= 5 ? 'yes' : 'NO',
    number: smallExt,
  });
  /** Extension script per frame: (frames page − small page) ÷ the frames, medians of the loads. */
  const perFrameOf = (set: Series) => (med(set.trace[FRAMES_PAGE]!, (r) => r.extensionMs) - med(set.trace[SMALL_PAGE]!, (r) => r.extensionMs)) / FRAME_COUNT;
  const perFrame = perFrameOf(withExt);
  row({
    id: 'fixed-frame',
    figure: `Fixed cost per frame with nothing to mark (${FRAME_COUNT} ad-like iframes; (frames page − small page) ÷ ${FRAME_COUNT})`,
    value:
      `${ms(perFrame)} of extension script (${ms(framesExt)} vs ${ms(smallExt)}); renderer task time with − without: ` +
      `${ms(perFrameAdded(withExt))} a frame, of it style recalc ${ms(perFrameAdded(withExt, (m) => m.recalcStyleMs))}`,
    goal: '≤ 0.5 ms',
    met: perFrame <= 0.5 ? 'yes' : 'NO',
    number: perFrame,
  });
  // The floors beside it: other extensions' content scripts in the same two pages, per frame.
  const floorRow = (id: string, figure: string, set: Series) => {
    const perFrameMs = perFrameOf(set);
    row({
      id,
      figure,
      value: `${ms(perFrameMs)} a frame; renderer task time with − without: ${ms(perFrameAdded(set))} a frame`,
      goal: '—',
      met: '—',
      number: perFrameMs,
    });
  };
  floorRow('fixed-frame-check', 'Reachable floor per frame: a content script that only checks whether the frame has text (scripts/bench-frame-check-extension), same trace', check);
  floorRow('fixed-frame-empty', 'Floor of any content script per frame: one that does nothing (scripts/bench-empty-extension), same trace', empty);
  floorRow(
    'fixed-frame-body',
    'Floor of a content script that looks at the page, per frame: one that only reads document.body (scripts/bench-body-extension), same trace',
    body,
  );
  // What an empty frame loads: the manifest's content script (the loader, in every frame: all_frames), and
  // the app, imported only where there is text (content.js itself when there is no app module: main's shape).
  const evaluatedIn = (file: string) =>
    median(frames.map((r) => r.framesPerFile[file] ?? 0)) - median(small.map((r) => r.framesPerFile[file] ?? 0));
  const size = (f: string) => (existsSync(path.join(CHROME_DIST, f)) ? statSync(path.join(CHROME_DIST, f)).size : 0);
  const hasApp = size('content-app.js') > 0;
  const loaderIn = evaluatedIn('content-scripts/content.js');
  // Frames other than the top one import the app's copy built without the compile hint (wxt.config.ts).
  const evaluated = hasApp ? evaluatedIn('content-app.js') + evaluatedIn('content-app-frame.js') : loaderIn;
  const manifest = JSON.parse(readFileSync(path.join(CHROME_DIST, 'manifest.json'), 'utf8')) as { content_scripts?: { css?: string[]; all_frames?: boolean }[] };
  const withCss = (manifest.content_scripts ?? []).filter((c) => (c.css ?? []).length > 0);
  const cssWhere = withCss.some((c) => c.all_frames)
    ? 'given to every frame by the manifest'
    : withCss.length
      ? 'given to top frames by the manifest, inserted by the background into another frame only where the app starts'
      : 'inserted only into frames where the app starts';
  const files = Object.keys(frames[0]?.byFile ?? {}).sort();
  row({
    id: 'frame-loads',
    figure: `What a frame with nothing to mark loads (${FRAME_COUNT} ad frames)`,
    value:
      (hasApp
        ? `the loader content.js (${fmt(size('content-scripts/content.js') / KB)} KB) evaluated in ${loaderIn} of ${FRAME_COUNT} frames, ` +
          `the app (content-app.js, ${fmt(size('content-app.js') / KB)} KB, or the frames' copy content-app-frame.js) in ${evaluated}, `
        : `content.js (${fmt(size('content-scripts/content.js') / KB)} KB) evaluated in ${evaluated} of ${FRAME_COUNT} frames, `) +
      `content.css (${fmt(size('content-scripts/content.css') / KB)} KB) ` +
      cssWhere +
      `; extension files seen in the trace: ${files.join(', ') || 'none'}`,
    goal: 'nothing until it has something to mark',
    met: evaluated === 0 ? 'yes' : 'NO',
    number: evaluated,
  });
}

function bundleRows(dist: string): void {
  const a = analyseContentScript(dist);
  details.bundle = a;
  // The content app, where the loader leaves the weight (what frames with text compile).
  if (existsSync(path.join(dist, 'content-app.js'))) {
    const app = analyseContentScript(dist, 'content-app.js');
    details.bundleApp = app;
    row({
      id: 'bundle-app',
      figure: `content-app.js by package / folder, gzip KB saved if it left (raw ${fmt(app.raw / KB)} KB, gzip ${fmt(app.gzip / KB)} KB)`,
      value: app.groups.map((g) => `${g.group} ${fmt(g.gzipSaved / KB)}`).join(', '),
      goal: '—',
      met: '—',
      number: app.gzip,
    });
  }
  const parts = a.groups.map((g) => `${g.group} ${fmt(g.gzipSaved / KB)}`).join(', ');
  row({
    id: 'bundle',
    figure: 'content.js by package / folder, gzip KB saved if it left (source-map build; raw ' + `${fmt(a.raw / KB)} KB, gzip ${fmt(a.gzip / KB)} KB)`,
    value: parts,
    goal: 'content.js ≤ 25 KB gzip',
    met: a.gzip <= 25 * KB ? 'yes' : 'NO',
    number: a.gzip,
  });
  for (const g of a.groups) {
    console.log(`    ${g.group.padEnd(32)} raw ${fmt(g.raw / KB).padStart(6)} KB  gzip alone ${fmt(g.gzipAlone / KB).padStart(5)} KB  saved if cut ${fmt(g.gzipSaved / KB).padStart(5)} KB  (${g.modules} modules)`);
  }
}

/**
 * Where the extension's time on the fixed-cost pages goes: CPU profiles of loads in a browser with the
 * source-map build, the extension's samples grouped by the source folder / package of the function.
 */
async function profileRows(dist: string): Promise<void> {
  const server = await serveFixtures(tracePages());
  const browser = await launchChromium({ dist });
  // Each script of the build by its own source map (the loader, the app module, the card's), once.
  const locators = new Map<string, ((line: number, column: number) => string) | null>();
  const locate = (file: string, line: number, column: number): string => {
    if (!locators.has(file)) locators.set(file, existsSync(path.join(dist, `${file}.map`)) ? sourceLocator(path.join(dist, file)) : null);
    return locators.get(file)?.(line, column) ?? file;
  };
  try {
    const out: Record<string, { totalMs: number; groups: Record<string, number>; modules: Record<string, number>; leaves: { fn: string; ms: number }[] }> = {};
    const runs = QUICK ? 1 : 3;
    for (const p of [SMALL_PAGE, FRAMES_PAGE]) {
      await profileLoad(browser, server.url(p)); // warm-up, not counted
      const groups = new Map<string, number[]>();
      const modules = new Map<string, number[]>();
      const totals: number[] = [];
      let leaves: { fn: string; ms: number }[] = [];
      for (let i = 0; i < runs; i++) {
        const r = await profileLoad(browser, server.url(p));
        totals.push(r.extensionMs);
        leaves = r.byLeaf;
        const g = new Map<string, number>();
        const m = new Map<string, number>();
        for (const f of r.byFunction) {
          const src = locate(f.file, f.line, f.column);
          const group = src === '(unmapped)' || !src.includes('/') ? src : groupOf(src);
          g.set(group, (g.get(group) ?? 0) + f.ms);
          m.set(src, (m.get(src) ?? 0) + f.ms);
        }
        for (const [k, v] of g) (groups.get(k) ?? groups.set(k, Array(i).fill(0)).get(k)!).push(v);
        for (const [k, v] of m) (modules.get(k) ?? modules.set(k, Array(i).fill(0)).get(k)!).push(v);
        for (const list of [...groups.values(), ...modules.values()]) while (list.length < i + 1) list.push(0);
      }
      const med = (m: Map<string, number[]>) => Object.fromEntries([...m].map(([k, v]) => [k, median(v)] as const).sort((a, b) => b[1] - a[1]));
      out[p] = { totalMs: median(totals), groups: med(groups), modules: med(modules), leaves };
      const label = p === SMALL_PAGE ? 'small page' : `${FRAME_COUNT}-frame page`;
      const top = Object.entries(out[p]!.groups).slice(0, 8).map(([k, v]) => `${k} ${ms(v)}`).join(', ');
      console.log(`  ${label}: ${ms(out[p]!.totalMs)} sampled in the extension's code: ${top}`);
      for (const [k, v] of Object.entries(out[p]!.modules).slice(0, 12)) console.log(`    ${k.padEnd(50)} ${ms(v)}`);
      row({
        id: `profile-${p === SMALL_PAGE ? 'small' : 'frames'}`,
        figure: `Where the extension's time goes, ${label} (CPU profile, sampled; by source folder / package)`,
        value: `${ms(out[p]!.totalMs)}: ${top}`,
        goal: '—',
        met: '—',
        number: out[p]!.totalMs,
      });
    }
    details.profile = out;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The bundle table for the docs: each group's raw and gzip bytes. */
function bundleTable(): string | null {
  const a = details.bundle as ReturnType<typeof analyseContentScript> | undefined;
  if (!a) return null;
  const lines = [
    `content.js: ${fmt(a.raw / KB)} KB raw, ${fmt(a.gzip / KB)} KB gzip -9. Each byte attributed through the source map of the same build; "saved" is content.js's gzip size minus its gzip size with the group's bytes cut out.`,
    '',
    '| package / folder | raw KB | gzip alone KB | gzip saved if cut KB | modules |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const g of a.groups) lines.push(`| ${g.group} | ${fmt(g.raw / KB)} | ${fmt(g.gzipAlone / KB)} | ${fmt(g.gzipSaved / KB)} | ${g.modules} |`);
  return lines.join('\n');
}

/** One line per bench page: Factlens, both floors, the peers, side by side (the issue's table). */
function pageTable(pages: BenchPage[], figures: Record<string, FactlensFigures>, floors: Record<string, { coldMs: number }>): string | null {
  const lines = [
    '| page (chars) | Factlens work | floor, main world, warm | floor, isolated world, cold | ratio to cold floor (≤ 2) | advanced-mark.js (≥ 10×) | mark.js (≥ 300×) | first marks after DCL | longest task in Factlens work |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  let any = false;
  for (const p of pages) {
    const fig = figures[p.key];
    if (!fig) continue;
    any = true;
    const cold = floors[p.key]?.coldMs;
    const peer = (name: string) => {
      const r = rows.find((x) => x.id === `${name}-${p.key}`);
      return r ? r.value.replace(/ vs .*\)$/, ')') : '–';
    };
    lines.push(
      `| ${p.label} (${fmt(fig.chars / 1000, 0)}k) | ${ms(fig.totalMs)} | ${ms(fig.floorWarmMs)} | ${cold ? ms(cold) : '–'} | ` +
        `${cold ? times(fig.totalMs / cold) : '–'} | ${peer('advanced-mark.js')} | ${peer('mark.js')} | ${firstMarkMs(fig.firstMarkAfterDclMs)} | ` +
        `${fig.longestTaskMs > 0 ? ms(fig.longestTaskMs) : 'none ≥ 50 ms'} |`,
    );
  }
  return any ? lines.join('\n') : null;
}

/** The hand-written analysis at the end of docs/benchmarks.md (from its heading on), kept across runs. */
const ANALYSIS_HEADING = '## What holds the missed goals back';
function keptAnalysis(): string {
  if (!existsSync(DOC)) return '';
  const old = readFileSync(DOC, 'utf8');
  const at = old.indexOf(ANALYSIS_HEADING);
  return at >= 0 ? '\n' + old.slice(at) : '';
}

function table(): string {
  const lines = ['| Figure | Value | Goal | Met? |', '|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.figure} | ${r.value} | ${r.goal} | ${r.met === 'NO' ? '**NO**' : r.met} |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!existsSync(path.join(CHROME_DIST, 'manifest.json'))) {
    console.error(`No Chrome build at ${CHROME_DIST}: run \`npm run build\` first (or set FACTLENS_OUT_DIR).`);
    process.exit(1);
  }
  const info = machine();
  console.log(`Factlens bench: ${info.cpu}, ${info.cores} cores, ${info.memoryGB} GB, ${info.platform}, Node ${info.node}`);
  console.log(`Build: ${path.relative(REPO_ROOT, CHROME_DIST)}; ${RUNS} runs per figure (medians)${QUICK ? ', QUICK mode' : ''}`);

  const bases = await loadFactBases();
  const aliases = aliasTexts(bases);
  details.factBase = { bases: bases.map((b) => b.source.id), actors: bases.reduce((n, b) => n + b.actors.length, 0), aliases: aliasCount(bases), distinctAliasTexts: aliases.length };
  console.log(`Fact base: ${bases.map((b) => b.source.id).join(', ')}: ${aliasCount(bases)} aliases (${aliases.length} distinct texts)`);

  // The pages, served from memory with a CSP that blocks loads from elsewhere.
  const routes: Record<string, Route> = {};
  const pages: BenchPage[] = [];
  const csp = { 'content-security-policy': BENCH_CSP };
  if (existsSync(SHARED_PAGES)) {
    const wiki = path.join(SHARED_PAGES, WIKIPEDIA_PAGE);
    if (existsSync(wiki)) {
      routes[`/${WIKIPEDIA_PAGE}`] = { body: readFileSync(wiki), headers: csp };
      pages.push({ key: 'wikipedia-2', label: 'wikipedia-2.html', path: `/${WIKIPEDIA_PAGE}` });
    } else console.log(`${wiki} is absent: skipping that page.`);
    for (const news of NEWS_PAGES) {
      const file = path.join(SHARED_PAGES, news.file);
      if (!existsSync(file)) {
        console.log(`${file} is absent: skipping that page.`);
        continue;
      }
      routes[`/${news.file}`] = { body: readFileSync(file), headers: csp };
      pages.push({ key: news.key, label: news.file, path: `/${news.file}` });
    }
    const large = assembleLargePage(SHARED_PAGES);
    if (large) {
      routes[`/${LARGE_PAGE}`] = { body: large.html, headers: csp };
      pages.push({ key: 'large', label: '~1 MB page', path: `/${LARGE_PAGE}` });
      details.largePage = { sources: large.sources, htmlBytes: Buffer.byteLength(large.html), roughText: large.roughText };
    }
  } else {
    console.log(`${SHARED_PAGES} is absent: the page figures (floor, peers, tasks, aliases, growth, memory) are skipped.`);
    notes.push(`${SHARED_PAGES} was absent: page figures skipped.`);
  }
  for (const [p, html] of Object.entries(tracePages())) routes[p] = { body: html, headers: csp };
  for (const [p, route] of Object.entries(bigPackPages())) routes[p] = route;
  const server = await serveFixtures(routes, [PROJECT_PAGES]);
  const figures: Record<string, FactlensFigures> = {};
  let browser = 'unknown';

  // 1. With the extension: scan + mark vs the floor, long tasks, growth, hover, memory.
  const ext = await launchChromium();
  try {
    await prepareBrowser(ext);
    browser = await browserVersion(ext);
    console.log(`Browser: ${browser} (headless)`);
    // Hover delay 0 so the hover figure is the card's own latency (default delay: 300 ms).
    await storeSettingsChanges(ext, SETTINGS_VERSION, { hoverDelayMs: 0 });

    for (const page of pages.filter(() => wanted('factlens'))) {
      await section(`Factlens vs the floor: ${page.label}`, async () => {
        const f = await measureFactlens(ext, server, page);
        figures[page.key] = f;
        const ratio = f.totalMs / f.floorWarmMs;
        row({
          id: `floor-${page.key}`,
          figure: `Factlens work ÷ main-world warm floor, ${page.label} (${fmt(f.chars / 1000, 0)}k chars, ${f.nodes} text nodes)`,
          value: `${times(ratio)} (${ms(f.totalMs)} vs ${ms(f.floorWarmMs)})`,
          goal: '— (the isolated-world cold floor is the goal\'s)',
          met: '—',
          number: ratio,
        });
        console.log(
          Number.isFinite(f.firstMarkAfterDclMs)
            ? `  first marks: ${ms(f.firstMarkAfterDclMs)} after DOMContentLoaded's end (load ${ms(f.dclToLoadMs)} after it), ` +
                `${ms(f.firstMarkAfterStartMs)} after Factlens's first measure began`
            : `  first marks: none, Factlens marks nothing on this page (load ${ms(f.dclToLoadMs)} after DOMContentLoaded's end)`,
        );
        if (page.key === FIRST_MARK_PAGE && wanted('paint')) {
          // The same page traced: the content script's injection (document_idle) to the first marks painted.
          const traced = [];
          for (let i = 0; i < RUNS; i++) traced.push((await traceLoad(ext, server.url(page.path))).result.firstMark);
          const toMark = median(traced.map((t) => t.injectToMarkMs ?? NaN));
          const toPaint = median(traced.map((t) => t.injectToPaintMs ?? NaN));
          details[`first-mark-${page.key}`] = { traced, afterDcl: f.runs.map((r) => r.firstMark) };
          console.log(`  traced: content.js injected → first marks ${traced.map((t) => ms(t.injectToMarkMs ?? NaN)).join(', ')}; → painted ${traced.map((t) => ms(t.injectToPaintMs ?? NaN)).join(', ')}`);
          row({
            id: `first-mark-${page.key}`,
            figure: `First marks painted after document_idle (content.js injected, CDP trace), ${page.label}`,
            value:
              `${ms(toPaint)}, the top frame's first Paint after its marks (registered at ${ms(toMark)}; ${ms(f.firstMarkAfterDclMs)} after DOMContentLoaded's end, ` +
              `${ms(f.firstMarkAfterStartMs)} after Factlens's first measure began)`,
            goal: '≤ 50 ms',
            met: toPaint <= 50 ? 'yes' : 'NO',
            number: toPaint,
          });
        }
        row({
          id: `longtask-${page.key}`,
          figure: `Longest main-thread task during Factlens's work, ${page.label}`,
          value: !f.longTaskApi
            ? 'not measured: no long-task API'
            : f.longestTaskMs > 0
              ? ms(f.longestTaskMs)
              : `none ≥ 50 ms (longest measure ${ms(f.longestMeasureMs)})`,
          goal: '< 50 ms',
          met: !f.longTaskApi ? 'NO' : f.longestTaskMs < 50 ? 'yes' : 'NO',
          number: f.longestTaskMs,
        });
      });
    }

    const wiki = pages.find((p) => p.key === 'wikipedia-2');
    if (wiki && wanted('growth')) {
      await section(`Growth: ${GROWTH_PARAGRAPHS} paragraphs appended to ${wiki.label}`, async () => {
        try {
          const g = await measureGrowth(ext, server, wiki);
          details.growth = g;
          row({
            id: 'growth',
            figure: `Growth: work for ${GROWTH_PARAGRAPHS} appended paragraphs ÷ their share of the text Factlens reads`,
            value: `${times(g.ratio)} (by the floor's count of every text node, whitespace between blocks included: ${times(g.floorShareRatio)})`,
            goal: 'near 1 (≤ 1.5)',
            met: g.ratio <= 1.5 ? 'yes' : 'NO',
            number: g.ratio,
          });
        } catch (e) {
          failed('growth', 'Growth: appended paragraphs ÷ their share', 'near 1 (≤ 1.5)', e);
        }
      });
    }

    if (wanted('hover')) {
      await section('Hover', async () => {
        try {
          await measureHover(ext, server);
        } catch (e) {
          failed('hover', 'Hover: pointer move → card visible', '—', e);
        }
      });
    }

    const large = pages.find((p) => p.key === 'large');
    if (large && wanted('memory')) {
      await section(`Memory with the extension: ${large.label}`, async () => {
        details.memoryWith = await heapAfterLoads(ext, server.url(large.path), true);
      });
    }
  } finally {
    await ext.close();
  }

  // 1b. The isolated-world cold floor: a browser with only the floor extension, a fresh page per run.
  const floors: Record<string, { coldMs: number; chars: number; nodes: number; runs: number[] }> = {};
  if (wanted('floor') && pages.length) {
    await section('Isolated-world cold floor (scripts/bench-floor-extension)', async () => {
      const floorBrowser = await launchChromium({ dist: FLOOR_EXTENSION });
      try {
        await prepareBrowser(floorBrowser);
        for (const page of pages) {
          const runs = [];
          for (let i = 0; i < RUNS; i++) runs.push(await floorColdRun(floorBrowser, server.url(page.path)));
          const coldMs = median(runs.map((r) => r.ms));
          floors[page.key] = { coldMs, chars: runs[0]!.chars, nodes: runs[0]!.nodes, runs: runs.map((r) => r.ms) };
          console.log(`  ${page.label}: ${runs.map((r) => ms(r.ms)).join(', ')} (${runs[0]!.chars} chars, ${runs[0]!.nodes} text nodes)`);
          const f = figures[page.key];
          row({
            id: `floor-cold-${page.key}`,
            figure: `Factlens work ÷ isolated-world cold floor, ${page.label}`,
            value: f ? `${times(f.totalMs / coldMs)} (${ms(f.totalMs)} vs ${ms(coldMs)})` : `floor ${ms(coldMs)}; Factlens not measured`,
            goal: '≤ 2',
            met: f && f.totalMs / coldMs <= 2 ? 'yes' : 'NO',
            number: f ? f.totalMs / coldMs : undefined,
          });
        }
        details.floorCold = floors;
      } finally {
        await floorBrowser.close();
      }
    });
  }

  // 1c. Fixed cost per load: a CDP trace of the extension's own script time, with and without it.
  if (wanted('trace')) await section(`Fixed cost per load (CDP trace; ${TRACE_RUNS} loads per page)`, async () => traceRows(server));

  // 1d. Big packs (issue 16): first marks and the longest task on a page with four frames.
  if (wanted('bigpacks')) await section(`Big packs (a page with ${BIGPACK_FRAMES} iframes; ${RUNS} loads each)`, async () => bigPackRows(server));
  const wikiPage = pages.find((p) => p.key === 'wikipedia-2');
  if (wikiPage && wanted('aliases-extension')) {
    await section(`Aliases in the built extension: ${wikiPage.label}, ${RUNS} loads each`, async () => aliasesInExtensionRows(server, wikiPage));
  }

  // 2. Without the extension: the peers, the engine against the padded fact base, memory.
  const control = await launchChromium({ withoutExtension: true });
  try {
    await prepareBrowser(control);
    for (const page of pages.filter(() => wanted('peers'))) {
      const f = figures[page.key];
      await section(`Peers: ${page.label} (${aliases.length} aliases)`, async () => {
        for (const peer of ['advanced-mark.js', 'mark.js'] as const) {
          if (peer === 'mark.js' && page.key === 'large' && !MARKJS_ON_LARGE) {
            console.log('  mark.js: skipped on this page (FACTLENS_BENCH_MARKJS_LARGE=1 to include it)');
            continue;
          }
          const goal = peer === 'mark.js' ? 300 : 10;
          const label = peer === 'mark.js' ? 'mark.js 8.11' : 'advanced-mark.js (combinePatterns)';
          try {
            const results = [];
            const runs = peer === 'mark.js' && page.key === 'large' ? 1 : PEER_RUNS[peer];
            for (let i = 0; i < runs; i++) results.push(await peerRun(control, server.url(page.path), peer, aliases));
            const t = median(results.map((r) => r.ms));
            console.log(`  ${peer}: ${results.map((r) => ms(r.ms)).join(', ')}; ${results[0]!.marks} marks`);
            (details[`peers-${page.key}`] ??= {} as Record<string, unknown>) as Record<string, unknown>;
            (details[`peers-${page.key}`] as Record<string, unknown>)[peer] = { runs: results, options: PEERS[peer].options };
            if (!f) {
              row({ id: `${peer}-${page.key}`, figure: `${label} ÷ Factlens, ${page.label}`, value: `${ms(t)}; Factlens not measured`, goal: `≥ ${goal}`, met: 'NO' });
              continue;
            }
            const ratio = t / f.totalMs;
            row({
              id: `${peer}-${page.key}`,
              figure: `${label} ÷ Factlens, ${page.label}`,
              value: `${times(ratio)} (${ms(t)} vs ${ms(f.totalMs)})`,
              goal: `≥ ${goal}`,
              met: ratio >= goal ? 'yes' : 'NO',
              number: ratio,
            });
          } catch (e) {
            failed(`${peer}-${page.key}`, `${label} ÷ Factlens, ${page.label}`, `≥ ${goal}`, e);
          }
        }
      });
    }

    let engineBundle: string | undefined;
    // The engine alone: on wikipedia-2 and the 1 MB page (compiling 10,000 aliases takes about half a second
    // a round on this machine: every page would add a minute to the bench).
    for (const page of pages.filter((p) => wanted('aliases') && (p.key === 'wikipedia-2' || p.key === 'large'))) {
      await section(`Aliases: ${page.label}, engine alone, real vs ${PADDED_ALIASES.toLocaleString('en-GB')} aliases`, async () => {
        try {
          engineBundle ??= await bundleEngine();
          const p = await openPage(control, server.url(page.path));
          try {
            await p.addScriptTag({ content: engineBundle });
            const blocks = await p.evaluate(() => globalThis.__factlensBench.textBlocks());
            const padded = padFactBases(bases, PADDED_ALIASES, wordsOf(blocks));
            // Passes alternate real / padded after a warm-up round; medians of each.
            const [real, pad] = await p.evaluate(
              ([texts, sets, reps]) => globalThis.__factlensBench.timeEngine(texts as string[], sets as readonly unknown[], reps as number),
              [blocks, [bases, padded], QUICK ? 9 : 21] as const,
            );
            const realMs = median(real!.times);
            const padMs = median(pad!.times);
            // Each round times both back to back, so the ratio is taken per round (the machine's load
            // changes between rounds, less within one), then the median of those.
            const ratio = median(real!.times.map((t, i) => pad!.times[i]! / t));
            details[`aliases-${page.key}`] = { blocks: blocks.length, chars: blocks.reduce((n, b) => n + b.length, 0), real, padded: pad, paddedAliases: aliasCount(padded) };
            console.log(
              `  ${blocks.length} blocks: real ${ms(realMs)} (${real!.mentions} mentions, compile ${ms(real!.compileMs)}), ` +
                `padded ${ms(padMs)} (${pad!.mentions} mentions, compile ${ms(pad!.compileMs)})`,
            );
            // Compile included: what a page that compiles the matcher on load pays for it.
            const [realC, padC] = await p.evaluate(
              ([texts, sets, reps]) => globalThis.__factlensBench.timeEngineWithCompile(texts as string[], sets as readonly unknown[], reps as number),
              [blocks, [bases, padded], QUICK ? 3 : 5] as const,
            );
            const ratioC = median(realC!.times.map((t, i) => padC!.times[i]! / t));
            const firstRatio = padC!.first / realC!.first;
            details[`aliases-compile-${page.key}`] = { real: realC, padded: padC };
            row({
              id: `aliases-compile-${page.key}`,
              figure: `Aliases, compiled in the page (what frames no longer do): ${aliasCount(padded).toLocaleString('en-GB')} ÷ ${aliasCount(bases)} aliases, ${page.label} (engine in the page)`,
              value:
                `${times(ratioC)} (${ms(median(padC!.times))} vs ${ms(median(realC!.times))}, compiles ${ms(median(padC!.compile))} vs ${ms(median(realC!.compile))}; ` +
                `first, cold: ${times(firstRatio)}, ${ms(padC!.first)} vs ${ms(realC!.first)})`,
              goal: '—',
              met: '—',
              number: ratioC,
            });
            // Compile included, as frames get their matcher now: the ready form (JSON.parse of one string and a
            // hydrate, utils/engine/ready.ts), the built-in bases' from the build, the padded set's as the
            // background writes it for packs.
            const [realR, padR] = await p.evaluate(
              ([texts, sets, reps]) => globalThis.__factlensBench.timeEngineWithCompile(texts as string[], sets as readonly unknown[], reps as number),
              [blocks, [readySet(bases), readySet(padded)], QUICK ? 5 : 9] as const,
            );
            const ratioR = median(realR!.times.map((t, i) => padR!.times[i]! / t));
            const firstR = padR!.first / realR!.first;
            details[`aliases-ready-${page.key}`] = { real: realR, padded: padR };
            row({
              id: `aliases-ready-${page.key}`,
              figure: `Aliases, compile included (the ready matcher hydrated, as frames do): ${aliasCount(padded).toLocaleString('en-GB')} ÷ ${aliasCount(bases)} aliases, ${page.label} (engine in the page)`,
              value:
                `${times(ratioR)} (${ms(median(padR!.times))} vs ${ms(median(realR!.times))}, hydrates ${ms(median(padR!.compile))} vs ${ms(median(realR!.compile))}; ` +
                `first, cold: ${times(firstR)}, ${ms(padR!.first)} vs ${ms(realR!.first)})`,
              goal: '≤ 1.3',
              met: ratioR <= 1.3 && firstR <= 1.3 ? 'yes' : 'NO',
              number: ratioR,
            });
            row({
              id: `aliases-${page.key}`,
              figure: `Aliases, matching only: ${aliasCount(padded).toLocaleString('en-GB')} ÷ ${aliasCount(bases)} aliases, ${page.label} (engine in the page)`,
              value: `${times(ratio)} (${ms(padMs)} vs ${ms(realMs)}; compile ${ms(pad!.compileMs)} vs ${ms(real!.compileMs)})`,
              goal: '≤ 1.3',
              met: ratio <= 1.3 ? 'yes' : 'NO',
              number: ratio,
            });
          } finally {
            await p.close();
          }
        } catch (e) {
          failed(`aliases-${page.key}`, `Aliases: ${PADDED_ALIASES} synthetic ÷ real, ${page.label}`, '≤ 1.3', e);
        }
      });
    }

    const large = pages.find((p) => p.key === 'large');
    if (large && wanted('memory')) {
      await section(`Memory without the extension: ${large.label}`, async () => {
        const without = await heapAfterLoads(control, server.url(large.path), false);
        details.memoryWithout = without;
        const withExt = details.memoryWith as { usedSize: number; embedderHeapUsedSize: number }[] | undefined;
        if (!withExt || withExt.length === 0) {
          row({ id: 'memory', figure: 'Memory added to the page (1 MB page)', value: 'not measured (no run with the extension)', goal: '—', met: '—' });
          return;
        }
        const js = median(withExt.map((m) => m.usedSize)) - median(without.map((m) => m.usedSize));
        const blink = median(withExt.map((m) => m.embedderHeapUsedSize)) - median(without.map((m) => m.embedderHeapUsedSize));
        row({
          id: 'memory',
          figure: `Memory added to the renderer after marking the ${large.label}: JS heap / Blink heap (after GC)`,
          value: `${fmt(js / 1e6, 2)} MB / ${fmt(blink / 1e6, 2)} MB`,
          goal: '—',
          met: '—',
          number: js,
        });
      });
    }
  } finally {
    await control.close();
    await server.close();
  }

  if (wanted('size')) await section('Size', async () => sizeRows());
  if (wanted('draft')) await section(`Drafter in the browser (issue 11; warm-up + ${RUNS} runs)`, async () => draftRows());
  if (wanted('bundle') || wanted('profile')) {
    const mapped = buildWithSourceMaps();
    try {
      if (wanted('bundle')) await section('What content.js holds (source-map build)', async () => bundleRows(mapped.dist));
      if (wanted('profile')) await section('Where the fixed cost goes (CPU profile of the source-map build)', async () => profileRows(mapped.dist));
    } finally {
      mapped.remove();
    }
  }

  let engineTable: string | null = null;
  // The scan at scale (issue 14): `factlens scan` as a process over the shared pages in cycles, a folder and a
  // WARC file, on one thread and on every core, then peak memory as the collection grows (scripts/bench-cli.ts;
  // it rewrites its table in docs/cli-scale.md). Sizes kept modest here: the whole bench stays within minutes.
  if (wanted('cli')) {
    await section('The scan at scale (scripts/bench-cli.ts)', async () => {
      const { benchCli } = await import('./bench-cli');
      const cli = await benchCli(QUICK ? { pages: 100, sizes: [50, 100] } : { pages: 1000, sizes: [250, 500, 1000] });
      console.log(cli.markdown);
    });
  }

  // The page-level decision's share of the scan in the built extension (issue 12; scripts/bench-decision.ts).
  if (wanted('decision')) {
    await section('Document pass in the page (scripts/bench-decision.ts)', async () => {
      const { benchDecision } = await import('./bench-decision');
      const decision = await benchDecision({ runs: RUNS });
      details.decision = decision.rows;
      console.log(decision.markdown);
    }, 1); // once timed out in a busy full run (60 s for a page's measures) and passed alone: one more try
  }

  if (wanted('engine')) {
    await section('Engine (scripts/bench-engine.ts)', async () => {
      engineTable = await engineSection();
    });
  }

  const results = {
    date: new Date().toISOString(),
    commit: commit(),
    machine: info,
    browser,
    build: path.relative(REPO_ROOT, CHROME_DIST),
    runs: { factlens: RUNS, peers: PEER_RUNS, growth: GROWTH_RUNS, hoverSamples: HOVER_SAMPLES },
    figures: rows,
    factlens: figures,
    details,
    notes,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  await mkdir(OUT, { recursive: true });
  const jsonFile = path.join(OUT, FULL ? 'results.json' : 'results-partial.json');
  await writeFile(jsonFile, JSON.stringify(results, null, 2) + '\n');

  const missed = rows.filter((r) => r.met === 'NO');
  const perPage = pageTable(pages, figures, floors);
  const bundle = bundleTable();
  const md = [
    '<!-- Written by `npm run bench` (scripts/bench.ts); figures from one run, see bench-output/results.json. -->',
    `Measured ${results.date.slice(0, 10)} at commit ${results.commit} on ${info.cpu} (${info.cores} cores), ` +
      `${browser} headless, Node ${info.node}; medians of ${RUNS} runs (mark.js: ${PEER_RUNS['mark.js']}).`,
    '',
    ...(perPage ? ['Per page, side by side (medians; ratios of the peers are their time ÷ Factlens work):', '', perPage, ''] : []),
    table(),
    '',
    'How it is measured:',
    "- **Factlens work**: the sum of its `factlens:scan` workMs and `factlens:mark` durations (User Timing) once the page has settled (the built extension's own code, fresh load per run).",
    '- **Floors**: both a TreeWalker (SHOW_TEXT, no filter) over `document.body` reading every character of every text node once. ' +
      "*Main world, warm*: in the page's own world, median of warm repetitions after Factlens settled. " +
      '*Isolated world, cold* (the goal\'s floor): the content script of a minimal extension (scripts/bench-floor-extension: MV3, document_idle, top frame only) ' +
      'in a browser of its own, timing itself with `performance.measure`, one fresh page per run: its world\'s wrappers and a cold start included, as Factlens pays them.',
    '- **First marks painted**: a CDP trace of a fresh load; from the start of content.js\'s evaluation in the top frame (the content script injected at document_idle) ' +
      'to the end of the first `factlens:mark` measure ("registered") and of the first Paint after it ("painted"). Tracing slows the page a little. ' +
      'Also shown, untraced: the first mark\'s end after DOMContentLoaded\'s end (document_idle falls between DOMContentLoaded and load) and after Factlens\'s first measure began.',
    `- **Fixed cost per load**: CDP trace (categories devtools.timeline, v8, blink.user_timing) of a fresh load (${TRACE_RUNS} loads a page after one warm-up, medians): ` +
      'the complete events whose `args.data.url` is one of the extension\'s, nested events counted once per thread (union of intervals). ' +
      `The small page is 20 paragraphs of plain prose naming no actor; the frames page is the same with ${FRAME_COUNT} 300×50 iframes of the same origin, each holding an ad label and a link. ` +
      `Per frame: (frames page − small page) ÷ ${FRAME_COUNT}. Script events only cover what runs from an extension URL: content.js's evaluation and callbacks entered from it; ` +
      'work resumed from a promise (after a storage read) is not attributed to the extension by the trace, so the Factlens measures and the CPU profile are given beside it. ' +
      '*Renderer task time with − without*: CDP `Performance.getMetrics` TaskDuration (untraced) with the extension minus a browser without it. ' +
      '*Reachable floor per frame*: the same for scripts/bench-frame-check-extension, a content script in every frame that only checks whether the frame holds 200 characters of text.',
    '- **What content.js holds**: the extension built again with source maps (scripts/bench-wxt-sourcemap.config.ts, same code and minifier) into a temporary folder; every byte of content.js attributed to its source module, grouped by npm package or project folder. ' +
      '**Where the fixed cost goes**: V8 CPU profiles (100 µs sampling) of loads in a browser with that build, the samples with an extension frame on the stack grouped by the source of the innermost extension function.',
    `- **Peers** run in a browser without the extension, injected into the same page and marking the same ${aliases.length} alias texts ` +
      '(whole aliases, case-insensitive, diacritics folded, not across elements); the time is their `mark()` call to its `done` callback.',
    '- **Longest task**: long tasks (PerformanceObserver, `longtask`, buffered, from page start) that overlap any Factlens measure; the maximum over all runs.',
    `- **Aliases**: the fact base cannot be swapped in the built extension, so \`utils/engine\` is bundled for the browser (esbuild) and timed in the page over the page's text blocks, ` +
      `once against the real fact base and once padded with synthetic actors to ${PADDED_ALIASES.toLocaleString('en-GB')} aliases ` +
      '(none of them a word of the page, so both find the same mentions); findMentions time, rounds alternating the two, median of the per-round ratios. ' +
      '*Compile included*: each round compiles each fact base afresh and then finds the mentions, as a page that compiles its matcher on load pays it; "first, cold" is the first round in the page (the goal needs both).',
    `- **Growth**: ${GROWTH_PARAGRAPHS} copies of the page's paragraphs appended in one go to a settled page; the new measures' sum ÷ the full scan's, divided by the added characters' share of the page.`,
    '- **Hover**: the hover delay is set to 0 in storage; time from the `pointermove` event to the first mutation or frame at which the card (`role="dialog"` in a `factlens-*` shadow root) is visible, on tests/fixtures/pages/article.html.',
    `- **Drafter**: utils/drafter bundled for the browser (esbuild) and timed in a blank page of a Chromium without the extension; the ~30 KB article is the main texts of ${DRAFT_PAGES.join(', ')} extracted by the drafter's own extractArticle (Readability) in their pages, joined; one warm-up call, then the median of ${RUNS}. ` +
      'The library check looks for a string of each library (also found in the bundle meant to hold it) in the built content.js.',
    '- **Size**: `content-scripts/*.js` of the build, gzip level 9; KB = 1,000 bytes. **Memory**: CDP `Runtime.getHeapUsage` after two forced GCs, with minus without the extension.',
    ...(missed.length ? ['', `Goals missed: ${missed.map((r) => r.figure).join('; ')}.`] : []),
    ...(notes.length ? ['', ...notes.map((n) => `Note: ${n}`)] : []),
    ...(bundle ? ['', '### What content.js holds', '', bundle] : []),
    ...(engineTable ? ['', '### The engine alone (scripts/bench-engine.ts)', '', engineTable] : []),
    '',
  ].join('\n');
  if (FULL) {
    await mkdir(path.dirname(DOC), { recursive: true });
    await writeFile(DOC, md + keptAnalysis());
  }

  if (perPage) console.log('\n' + perPage);
  console.log('\n' + table());
  if (engineTable) console.log('\nEngine:\n' + engineTable);
  console.log('\nJSON (figures): ' + JSON.stringify(Object.fromEntries(rows.map((r) => [r.id, r.number ?? r.value]))));
  console.log(
    `\nWrote ${path.relative(REPO_ROOT, jsonFile)}${FULL ? ` and ${path.relative(REPO_ROOT, DOC)}` : ' (not a full run: docs/benchmarks.md left as it was)'} in ${results.seconds} s.`,
  );
  if (missed.length) console.log(`Goals missed: ${missed.length} (marked NO).`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
