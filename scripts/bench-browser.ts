// The browser side of `npm run bench`: each measurement as one function over a page of the harness's
// Chromium. In-page work lives in bench-inpage.js (added to every page as an init script).
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './lib/browser';

export const INPAGE_SCRIPT = path.join(import.meta.dirname, 'bench-inpage.js');
const NODE_MODULES = path.resolve(import.meta.dirname, '../node_modules');

export interface FloorResult {
  ms: number;
  chars: number;
  nodes: number;
}

export interface WorkResult {
  count: number;
  scanMs: number;
  markMs: number;
  totalMs: number;
  /** Of totalMs, the loader's gate (factlens:gate work: once per load, before the app). */
  gateMs: number;
  /** The characters the factlens:scan measures read (their detail.chars: the blocks' text). */
  scanChars: number;
  /** Where the scan measures' own work came from: their detail.workMs, or their span less nested marks. */
  scanWork: 'detail.workMs' | 'duration' | 'mixed' | 'none';
  longestMeasureMs: number;
  longestTaskMs: number;
  longestTaskAnyMs: number;
  longTaskApi: boolean;
  highlights: number;
}

export interface FirstMark {
  firstMarkEnd: number | null;
  firstMeasureStart: number | null;
  domContentLoadedEnd: number | null;
  loadEnd: number | null;
}

interface Bench {
  floor(): FloorResult;
  settle(quietMs: number, timeoutMs: number, noneMs: number): Promise<{ entries: number; highlights: number; waitedMs: number }>;
  work(from: number): WorkResult;
  factlensEntries(): { name: string; startTime: number; duration: number; workMs: number | null }[];
  textBlocks(): string[];
  timeEngine(texts: string[], sets: readonly unknown[], reps: number): { compileMs: number; times: number[]; mentions: number }[];
  timeEngineWithCompile(texts: string[], sets: readonly unknown[], reps: number): { times: number[]; compile: number[]; first: number }[];
  appendParagraphs(count: number): { chars: number; from: number };
  floorMeasure(timeoutMs: number): Promise<FloorResult & { startTime: number }>;
  firstMark(): FirstMark;
  mentionPoints(max: number): { x: number; y: number; text: string }[];
  scrollToMention(n: number): boolean;
  cardVisible(): boolean;
  armHover(): boolean;
  disarmHover(): void;
  runPeer(aliases: string[], options: Record<string, unknown>): Promise<{ ms: number; marks: number }>;
}
declare global {
  // eslint-disable-next-line no-var
  var __factlensBench: Bench;
  // eslint-disable-next-line no-var
  var __factlensBenchHover: { moveAt: number; visibleAt: number; done: boolean };
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Adds the in-page helpers to every page of the browser (once per browser). */
export async function prepareBrowser(ext: ExtensionBrowser): Promise<void> {
  await ext.context.addInitScript({ path: TEXT_WALK_SCRIPT });
  await ext.context.addInitScript({ path: INPAGE_SCRIPT });
}

export async function openPage(ext: ExtensionBrowser, url: string): Promise<Page> {
  const page = await ext.page();
  await page.bringToFront();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return page;
}

/** Waits for Factlens to finish with the page (its measures quiet for a while). */
export async function settle(page: Page, quietMs = 700): Promise<void> {
  await page.evaluate(([q]) => globalThis.__factlensBench.settle(q!, 90_000, 20_000), [quietMs]);
}

export function floorOnce(page: Page): Promise<FloorResult> {
  return page.evaluate(() => globalThis.__factlensBench.floor());
}

/** The floor, measured `reps` times in the page: the first (cold) and the median of the rest (warm). */
export async function floor(page: Page, reps = 7): Promise<{ coldMs: number; warmMs: number; chars: number; nodes: number }> {
  const runs: FloorResult[] = [];
  for (let i = 0; i < reps; i++) runs.push(await floorOnce(page));
  return { coldMs: runs[0]!.ms, warmMs: median(runs.slice(1).map((r) => r.ms)), chars: runs[0]!.chars, nodes: runs[0]!.nodes };
}

export function work(page: Page, from = 0): Promise<WorkResult> {
  return page.evaluate((f) => globalThis.__factlensBench.work(f), from);
}

/** One load of `url` with the extension: Factlens's work, and the floor read in the same page. */
export async function factlensRun(
  ext: ExtensionBrowser,
  url: string,
): Promise<{ work: WorkResult; floor: Awaited<ReturnType<typeof floor>>; firstMark: FirstMark }> {
  const page = await openPage(ext, url);
  try {
    await settle(page);
    const w = await work(page);
    const firstMark = await page.evaluate(() => globalThis.__factlensBench.firstMark());
    const f = await floor(page);
    return { work: w, floor: f, firstMark };
  } finally {
    await page.close();
  }
}

/** The bench's isolated-world floor: a minimal extension (see its content.js). */
export const FLOOR_EXTENSION = path.join(import.meta.dirname, 'bench-floor-extension');
/** The floor's text walk (its content script's loop), which the main-world helpers call too. */
const TEXT_WALK_SCRIPT = path.join(FLOOR_EXTENSION, 'text-walk.js');
/** The per-frame floor: a content script in every frame that only checks whether it has text. */
export const FRAME_CHECK_EXTENSION = path.join(import.meta.dirname, 'bench-frame-check-extension');
/** The floor of any content script: one in every frame that does nothing. */
export const EMPTY_EXTENSION = path.join(import.meta.dirname, 'bench-empty-extension');
/** The floor of a content script that looks at the page: one in every frame that only reads document.body. */
export const BODY_EXTENSION = path.join(import.meta.dirname, 'bench-body-extension');

/** One fresh (cold) load of `url` in a browser with the floor extension only: its measure. */
export async function floorColdRun(floorBrowser: ExtensionBrowser, url: string): Promise<FloorResult> {
  const page = await openPage(floorBrowser, url);
  try {
    const { ms, chars, nodes } = await page.evaluate(() => globalThis.__factlensBench.floorMeasure(20_000));
    return { ms, chars, nodes };
  } finally {
    await page.close();
  }
}

export type PeerName = 'mark.js' | 'advanced-mark.js';
// Word limiters for the peers' "exactly" accuracy: a whole word may touch punctuation ("Syria's", "(Idlib)").
const LIMITERS = [...',.;:?!\'"()[]{}-–—‘’“”/'];
export const PEERS: Record<PeerName, { script: string; options: Record<string, unknown> }> = {
  // Same alias list and options for both, chosen to find what Factlens finds: whole aliases as whole words
  // (not word by word), case-insensitive, diacritics folded; neither is asked to match across elements
  // (Factlens does, which costs it more).
  'mark.js': {
    script: path.join(NODE_MODULES, 'mark.js/dist/mark.min.js'),
    options: { separateWordSearch: false, diacritics: true, caseSensitive: false, accuracy: { value: 'exactly', limiters: LIMITERS } },
  },
  'advanced-mark.js': {
    script: path.join(NODE_MODULES, 'advanced-mark.js/dist/mark.min.js'),
    options: {
      separateWordSearch: false,
      diacritics: true,
      caseSensitive: false,
      accuracy: { value: 'exactly', limiters: LIMITERS },
      combinePatterns: true,
    },
  },
};

/** One load of `url` in a browser WITHOUT the extension, the peer injected, marking `aliases` once. */
export async function peerRun(control: ExtensionBrowser, url: string, peer: PeerName, aliases: string[]): Promise<{ ms: number; marks: number }> {
  const page = await openPage(control, url);
  try {
    // addScriptTag can reject when the page logs an unrelated error meanwhile (e.g. a favicon the bench's
    // CSP blocks): the peer counts as loaded when it defined window.Mark.
    const loaded = await page.addScriptTag({ path: PEERS[peer].script }).then(
      () => null,
      (error: unknown) => error,
    );
    if (loaded && !(await page.evaluate(() => typeof (globalThis as { Mark?: unknown }).Mark === 'function'))) throw loaded;
    return await page.evaluate(
      ([a, o]) => globalThis.__factlensBench.runPeer(a as string[], o as Record<string, unknown>),
      [aliases, PEERS[peer].options] as const,
    );
  } finally {
    await page.close();
  }
}

/** The page's JS heap (and Blink's own heap) after two forced garbage collections, over CDP. */
export async function heapUsage(ext: ExtensionBrowser, page: Page): Promise<{ usedSize: number; embedderHeapUsedSize: number }> {
  const cdp: CDPSession = await ext.context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
    return { usedSize: usage.usedSize, embedderHeapUsedSize: usage.embedderHeapUsedSize ?? 0 };
  } finally {
    await cdp.detach();
  }
}

export async function browserVersion(ext: ExtensionBrowser): Promise<string> {
  const fromPlaywright = ext.context.browser()?.version();
  if (fromPlaywright) return fromPlaywright;
  const page = await ext.page();
  try {
    const cdp = await ext.context.newCDPSession(page);
    const v = (await cdp.send('Browser.getVersion')) as { product: string };
    return v.product;
  } finally {
    await page.close();
  }
}

/** Writes the settings change (only what differs from the defaults) the way the extension stores it. */
export async function storeSettingsChanges(ext: ExtensionBrowser, version: number, changes: Record<string, unknown>): Promise<void> {
  await ext.serviceWorker.evaluate(
    ([v, c]) => (globalThis as unknown as { chrome: { storage: { local: { set(x: object): Promise<void> } } } }).chrome.storage.local.set({ settings: { version: v, changes: c } }),
    [version, changes] as const,
  );
}

/**
 * Hover latency: pointer moved onto a mention (centre of its first client rect) until a Factlens card is
 * visible, timed in the page (the pointer event's timestamp to the first mutation or frame that shows the
 * card). Between samples the pointer leaves to a blank corner and Escape is pressed, and the card must go.
 */
export async function hoverSamples(page: Page, samples: number): Promise<{ latencies: number[]; misses: number; mentions: number }> {
  const latencies: number[] = [];
  let misses = 0;
  let points = await page.evaluate(() => globalThis.__factlensBench.mentionPoints(50));
  if (points.length === 0) {
    await page.evaluate(() => globalThis.__factlensBench.scrollToMention(0));
    await page.waitForTimeout(200);
    points = await page.evaluate(() => globalThis.__factlensBench.mentionPoints(50));
  }
  if (points.length === 0) return { latencies, misses: samples, mentions: 0 };
  for (let i = 0; i < samples; i++) {
    const p = points[i % points.length]!;
    await page.mouse.move(2, 2);
    await page.keyboard.press('Escape');
    await page
      .waitForFunction(() => !globalThis.__factlensBench.cardVisible(), undefined, { timeout: 3_000 })
      .catch(() => undefined);
    await page.waitForTimeout(100);
    await page.evaluate(() => globalThis.__factlensBench.armHover());
    await page.mouse.move(p.x, p.y, { steps: 1 });
    try {
      await page.waitForFunction(() => globalThis.__factlensBenchHover.visibleAt >= 0, undefined, { timeout: 5_000, polling: 'raf' });
      const s = await page.evaluate(() => ({
        moveAt: globalThis.__factlensBenchHover.moveAt,
        visibleAt: globalThis.__factlensBenchHover.visibleAt,
      }));
      latencies.push(s.visibleAt - s.moveAt);
    } catch {
      misses++;
      await page.evaluate(() => globalThis.__factlensBench.disarmHover());
    }
  }
  return { latencies, misses, mentions: points.length };
}
