// The fixed cost per page load of `npm run bench`: a CDP trace (Tracing, categories devtools.timeline and
// v8) of one fresh load, and the main-thread time of the extension's own scripts in it: the complete
// events whose args.data.url is one of the extension's (the loader content.js, the content app, the card,
// background.js…), nested events counted once per thread (the union of their intervals). Also the pages it
// is measured on: a small one-frame article, and the same with 30 small ad-like iframes that hold nothing to mark.
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './lib/browser';

export const SMALL_PAGE = '/bench-small.html';
export const FRAMES_PAGE = '/bench-frames.html';
export const AD_FRAME = '/bench-ad.html';
export const FRAME_COUNT = 30;

// Plain prose with no actor of the fact base (no country, no leader): the fixed cost, not the marking.
const SENTENCES = [
  'The committee met on Tuesday morning to review the plans for the new library on the corner of the market square.',
  'Several residents asked whether the building would keep the old reading room, which has served the town for decades.',
  'The architect answered that the design keeps the tall windows and adds a garden behind the children’s section.',
  'Work is expected to begin in the spring, once the last permits are signed and the contractor has been chosen.',
  'Until then, the temporary branch near the station keeps its usual hours, with longer evenings on Thursdays.',
];

function paragraphs(n: number): string {
  return Array.from({ length: n }, (_, i) => `<p>${SENTENCES[i % SENTENCES.length]} ${SENTENCES[(i + 2) % SENTENCES.length]}</p>`).join('\n');
}

function article(title: string, extra = ''): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    '<style>body{font:16px/1.5 serif;max-width:46em;margin:2em auto}iframe{border:0;display:inline-block;margin:4px}</style></head>' +
    `<body><article><h1>${title}</h1>\n${paragraphs(20)}\n</article>${extra}</body></html>`
  );
}

/** The pages of the fixed-cost figures, as routes of the bench's server. */
export function tracePages(): Record<string, string> {
  const frames = Array.from(
    { length: FRAME_COUNT },
    (_, i) => `<iframe src="${AD_FRAME}?slot=${i}" width="300" height="50" title="ad ${i}"></iframe>`,
  ).join('\n');
  return {
    [SMALL_PAGE]: article('A small page: twenty paragraphs'),
    [FRAMES_PAGE]: article('A small page with thirty ad frames', `<aside>${frames}</aside>`),
    // What an ad slot holds, text included: a label and a button, nothing a fact base names.
    [AD_FRAME]:
      '<!doctype html><html><head><meta charset="utf-8"><title>ad</title>' +
      '<style>body{margin:0;font:12px sans-serif;background:#eee}div{padding:4px}</style></head>' +
      '<body><div><span>Advertisement</span> <a href="#">Shop now</a></div></body></html>',
  };
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string; frame?: string; isOutermostMainFrame?: boolean; stackTrace?: { url?: string }[] }; [k: string]: unknown };
}

export interface TraceResult {
  /** The extension's script time, all threads: the union of its events' intervals per thread, summed. */
  extensionMs: number;
  /** The same, per extension file (each file's own union per thread; nested files may overlap). */
  byFile: Record<string, number>;
  /** The extension's script time per thread, with the thread's name. */
  byThread: { pid: number; tid: number; thread: string; ms: number }[];
  /** Compiling the extension's scripts (v8.compile and friends, union per thread). */
  compileMs: number;
  /** How many distinct frames evaluated each extension file. */
  framesPerFile: Record<string, number>;
  /**
   * In the frame where content.js was evaluated first (the top frame): from that evaluation's start (the
   * content script injected at document_idle) to the end of the first factlens:mark measure, and to the end
   * of the first Paint after it (null when not seen).
   */
  firstMark: { injectToMarkMs: number | null; injectToPaintMs: number | null };
  events: number;
}

// Script events and User Timing only: the heavier disabled-by-default-devtools.timeline (every task)
// slowed the traced pages down by tens of ms a frame here; the renderer's own time comes from
// Performance.getMetrics instead (metricsLoad), untraced.
export const LIGHT_CATEGORIES = ['devtools.timeline', 'v8', 'blink.user_timing'].join(',');

function union(intervals: [number, number][]): number {
  if (intervals.length === 0) return 0;
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [s, e] = intervals[0]!;
  for (const [a, b] of intervals.slice(1)) {
    if (a > e) {
      total += e - s;
      [s, e] = [a, b];
    } else if (b > e) e = b;
  }
  return total + (e - s);
}

function urlOf(e: TraceEvent): string | undefined {
  const d = e.args?.data;
  return d?.url || undefined;
}

/**
 * Which extension file an event's URL is, or undefined when it is not the extension's. The bench's browser
 * holds one extension, so every chrome-extension:// URL is its own: `base` (chrome-extension://ID/) and, for
 * builds from before 2026-12-03, the per-session random hosts of their `use_dynamic_url` resources (the
 * content app and the card, imported by the loader), which do not carry the id.
 */
export function extensionFile(url: string | undefined, base: string): string | undefined {
  if (!url || !(url.startsWith(base) || (base !== NO_EXTENSION && url.startsWith('chrome-extension://')))) return undefined;
  return url.replace(/^chrome-extension:\/\/[^/]+\//, '').split('?')[0]!;
}

const NO_EXTENSION = 'chrome-extension://none/';

/** The figures of one trace for the extension whose scripts are at `base` (chrome-extension://ID/). */
export function analyseTrace(events: TraceEvent[], base: string): TraceResult {
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const threadNames = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, String((e.args as { name?: string })?.name ?? ''));
  }
  const mine = complete.filter((e) => extensionFile(urlOf(e), base) !== undefined);
  const perThread = new Map<string, [number, number][]>();
  const perFile = new Map<string, Map<string, [number, number][]>>();
  const compile = new Map<string, [number, number][]>();
  const frames = new Map<string, Set<string>>();
  for (const e of mine) {
    const key = `${e.pid}:${e.tid}`;
    const iv: [number, number] = [e.ts, e.ts + e.dur!];
    (perThread.get(key) ?? perThread.set(key, []).get(key)!).push(iv);
    const file = extensionFile(urlOf(e), base)!;
    const f = perFile.get(file) ?? perFile.set(file, new Map()).get(file)!;
    (f.get(key) ?? f.set(key, []).get(key)!).push(iv);
    if (/compile/i.test(e.name)) (compile.get(key) ?? compile.set(key, []).get(key)!).push(iv);
  }
  // Which frames loaded each file: any event of it that names its frame (a module's compile and evaluation
  // do not; its fetch, ResourceSendRequest, does).
  for (const e of events) {
    const file = extensionFile(urlOf(e), base);
    const frame = e.args?.data?.frame;
    if (file && frame) (frames.get(file) ?? frames.set(file, new Set()).get(file)!).add(frame);
  }
  const byThread = [...perThread].map(([key, ivs]) => {
    const [pid, tid] = key.split(':').map(Number) as [number, number];
    return { pid, tid, thread: threadNames.get(key) ?? '?', ms: union(ivs) / 1000 };
  });
  const byFile: Record<string, number> = {};
  for (const [file, threads] of perFile) byFile[file] = [...threads.values()].reduce((n, ivs) => n + union(ivs), 0) / 1000;
  return {
    firstMark: firstMarkOf(events, mine),
    extensionMs: byThread.reduce((n, t) => n + t.ms, 0),
    byFile,
    byThread,
    compileMs: [...compile.values()].reduce((n, ivs) => n + union(ivs), 0) / 1000,
    framesPerFile: Object.fromEntries([...frames].map(([f, s]) => [f, s.size])),
    events: events.length,
  };
}

function firstMarkOf(events: TraceEvent[], mine: TraceEvent[]): TraceResult['firstMark'] {
  // The page's top frame (the loader runs in every frame, and ad frames reach document_idle first).
  const top = events.find((e) => e.name === 'CommitLoad' && e.args?.data?.isOutermostMainFrame === true && /^https?:/.test(String(e.args?.data?.url ?? '')));
  const frame = top?.args?.data?.frame;
  const inject = mine
    .filter((e) => e.name === 'EvaluateScript' && urlOf(e)?.endsWith('content-scripts/content.js') && (!frame || e.args?.data?.frame === frame))
    .sort((a, b) => a.ts - b.ts)[0];
  if (!inject) return { injectToMarkMs: null, injectToPaintMs: null };
  const same = (e: TraceEvent) => e.pid === inject.pid && e.tid === inject.tid;
  // A measure is an async pair (b … e) in blink.user_timing, or an instant (n) when it took no time.
  const ends = events
    .filter((e) => same(e) && e.name === 'factlens:mark' && (e.ph === 'e' || e.ph === 'n') && e.ts >= inject.ts)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const markEnd = ends[0];
  if (markEnd === undefined) return { injectToMarkMs: null, injectToPaintMs: null };
  const paint = events
    .filter((e) => same(e) && e.name === 'Paint' && e.ph === 'X' && e.ts >= markEnd && (!frame || e.args?.data?.frame === frame))
    .sort((a, b) => a.ts - b.ts)[0];
  return {
    injectToMarkMs: (markEnd - inject.ts) / 1000,
    injectToPaintMs: paint ? (paint.ts + (paint.dur ?? 0) - inject.ts) / 1000 : null,
  };
}

async function collect(cdp: CDPSession, categories: string, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => {
    for (const e of d.value) events.push(e as unknown as TraceEvent);
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' } as never);
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await done;
  }
  return events;
}

/**
 * One fresh load of `url`, traced from before navigation until `settledMs` after the load event (long
 * enough for the content script at document_idle and its first pass on a small page), in `browser`
 * (with or without the extension: without, the extension's figures are 0 and the renderer's busy time is
 * the page's own).
 */
export async function traceLoad(
  browser: ExtensionBrowser,
  url: string,
  settledMs = 1000,
  categories = LIGHT_CATEGORIES,
): Promise<{ result: TraceResult; events: number }> {
  const page: Page = await browser.page();
  try {
    await page.goto('about:blank');
    const cdp = await browser.context.newCDPSession(page);
    const events = await collect(cdp, categories, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForTimeout(settledMs);
    });
    await cdp.detach().catch(() => undefined);
    const base = browser.extensionId ? `chrome-extension://${browser.extensionId}/` : NO_EXTENSION;
    return { result: analyseTrace(events, base), events: events.length };
  } finally {
    await page.close();
  }
}

export interface MetricsResult {
  /** Renderer task / script / style-recalc / layout time of the page (CDP Performance.getMetrics), ms. */
  taskMs: number;
  scriptMs: number;
  recalcStyleMs: number;
  layoutMs: number;
}

/**
 * One fresh load of `url`, the page's renderer time from CDP Performance.getMetrics (no tracing, so no
 * tracing overhead) `settledMs` after load: with minus without the extension is what it adds, all frames
 * of the page's process included.
 */
export async function metricsLoad(browser: ExtensionBrowser, url: string, settledMs = 1000): Promise<MetricsResult> {
  const page: Page = await browser.page();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForTimeout(settledMs);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
    await cdp.detach().catch(() => undefined);
    return { taskMs: get('TaskDuration'), scriptMs: get('ScriptDuration'), recalcStyleMs: get('RecalcStyleDuration'), layoutMs: get('LayoutDuration') };
  } finally {
    await page.close();
  }
}
