// The bench's drafter figures (issue 11): draftPack timed in Chromium on a ~30 KB article and on the seed
// article, the draft page's bundle (where the NLP lives) and article-extract.js sized, and a check that
// neither compromise nor Readability is in content.js. The drafter is bundled for the browser with esbuild
// (as bench-aliases.ts bundles the engine): the same pure code the draft page runs, timed in a plain page.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium, serveFixtures, SHARED_PAGES, type Route } from './lib/browser';
import { median } from './bench-browser';
import { BENCH_CSP } from './bench-pages';
import { bundleForPage } from './bench-aliases';
import { cutText } from '../utils/drafter/limits';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
export const SEED_ARTICLE = 'assets/articles/idlib-2019.txt';
/** Real news pages whose extracted main texts, joined in this order and cut at a paragraph end, make the ~30 KB
 * article (nytimes-4 and seattletimes-1 give about 22.6 KB; nytimes-2 tops it up). */
export const DRAFT_PAGES = ['nytimes-4.html', 'seattletimes-1.html', 'nytimes-2.html'] as const;
export const DRAFT_TARGET_CHARS = 30_000;

/** A string only each library holds (a warning of compromise's tagger; the id Readability gives its page). */
export const LIBRARY_PROBES = [
  { library: 'compromise', probe: 'compromise: Invalid tag', expectedIn: 'draft page chunk' },
  { library: 'Readability', probe: 'readability-page-1', expectedIn: 'article-extract.js' },
] as const;

interface DrafterApi {
  extract(url: string): { ok: boolean; title?: string; text?: string; message?: string };
  time(text: string, title: string, runs: number): DraftTiming;
}

export interface DraftTiming {
  /** The first call in a fresh page (cold: the warm-up run). */
  coldMs: number;
  /** The calls after it. */
  times: number[];
  ok: boolean;
  actors: number;
  problem?: string;
}

export interface DraftTimes {
  /** Where the long article came from and its length. */
  sources: { page: string; chars: number; title: string }[];
  article: { chars: number; timing: DraftTiming };
  seed: { chars: number; timing: DraftTiming };
}

/** utils/drafter's draftPack and extractArticle bundled as one browser script (globalThis.__factlensBenchDrafter). */
export async function bundleDrafter(): Promise<string> {
  return bundleForPage(
    `import { draftPack } from './utils/drafter/draft.ts';
import { extractArticle } from './utils/drafter/extract.ts';
globalThis.__factlensBenchDrafter = {
  extract(url) {
    const r = extractArticle(document, { url });
    return r.ok ? { ok: true, title: r.article.title, text: r.article.text } : { ok: false, message: r.problem.message };
  },
  time(text, title, runs) {
    const once = () => {
      const t0 = performance.now();
      const r = draftPack(text, title ? { title } : {});
      return { ms: performance.now() - t0, r };
    };
    const cold = once();
    const times = [];
    for (let i = 0; i < runs; i++) times.push(once().ms);
    return {
      coldMs: cold.ms,
      times,
      ok: cold.r.ok,
      actors: cold.r.ok ? cold.r.pack.actors.length : 0,
      ...(cold.r.ok ? {} : { problem: cold.r.problem.message }),
    };
  },
};`,
    'bench-drafter-entry.js',
  );
}

/**
 * In a Chromium without the extension: the main texts of DRAFT_PAGES extracted in their own pages by the
 * drafter's extractArticle (Readability), joined and cut at a paragraph end to DRAFT_TARGET_CHARS; then
 * draftPack on it and on the seed article, each in a fresh blank page: one cold (warm-up) call, then `runs`.
 */
export async function measureDraft(runs: number): Promise<DraftTimes> {
  const missing = DRAFT_PAGES.filter((p) => !existsSync(path.join(SHARED_PAGES, p)));
  if (missing.length) throw new Error(`${missing.join(', ')} absent from ${SHARED_PAGES}`);
  const bundle = await bundleDrafter();
  const csp = { 'content-security-policy': BENCH_CSP };
  const routes: Record<string, Route> = { '/blank.html': { body: '<!doctype html><title>draft bench</title>', headers: csp } };
  for (const p of DRAFT_PAGES) routes[`/${p}`] = { body: readFileSync(path.join(SHARED_PAGES, p)), headers: csp };
  const server = await serveFixtures(routes);
  const browser = await launchChromium({ withoutExtension: true });
  try {
    type Api = { __factlensBenchDrafter: DrafterApi };
    const withDrafter = async <T>(url: string, fn: (page: Page) => Promise<T>): Promise<T> => {
      const page = await browser.page();
      try {
        await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
        // Evaluated, not a script tag: addScriptTag fails on any CSP report of the page (its favicon, blocked).
        await page.evaluate(bundle);
        return await fn(page);
      } finally {
        await page.close();
      }
    };
    const sources: DraftTimes['sources'] = [];
    const texts: string[] = [];
    for (const p of DRAFT_PAGES) {
      const url = server.url(`/${p}`);
      const r = await withDrafter(url, (page) => page.evaluate((u) => (globalThis as unknown as Api).__factlensBenchDrafter.extract(u), url));
      if (!r.ok || !r.text) throw new Error(`extractArticle failed on ${p}: ${r.message ?? 'no text'}`);
      sources.push({ page: p, chars: r.text.length, title: r.title ?? '' });
      texts.push(r.text);
    }
    const article = cutText(texts.join('\n\n'), DRAFT_TARGET_CHARS);
    const seed = readFileSync(path.join(REPO_ROOT, SEED_ARTICLE), 'utf8');
    const time = (text: string, title: string) =>
      withDrafter(server.url('/blank.html'), (page) =>
        page.evaluate(([t, ti, n]) => (globalThis as unknown as Api).__factlensBenchDrafter.time(t, ti, n), [text, title, runs] as const),
      );
    return {
      sources,
      article: { chars: article.length, timing: await time(article, sources[0]!.title) },
      seed: { chars: seed.length, timing: await time(seed, '') },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export const medianOf = (t: DraftTiming): number => median(t.times);

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

function sizeOf(dist: string, rel: string): FileSize {
  const bytes = readFileSync(path.join(dist, rel));
  return { file: rel, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The draft page's entry chunk (its own code and the NLP) and every script draft.html loads, as built. */
export function draftPageSizes(dist: string): { entry: FileSize; all: FileSize[] } {
  const html = readFileSync(path.join(dist, 'draft.html'), 'utf8');
  const entry = /<script[^>]*\bsrc="\/?([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('draft.html loads no script');
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  return { entry: sizeOf(dist, entry), all: [entry, ...preloads].map((f) => sizeOf(dist, f)) };
}

export function articleExtractSize(dist: string): FileSize {
  return sizeOf(dist, 'article-extract.js');
}

export interface ProbeResult {
  library: string;
  probe: string;
  inContent: boolean;
  /** The probe is found where the library is meant to be (else its absence from content.js proves nothing). */
  inExpected: boolean;
}

/** Whether each library's probe string is in content-scripts/content.js, and in the bundle meant to hold it. */
export function libraryProbes(dist: string): { content: FileSize; probes: ProbeResult[] } {
  const content = readFileSync(path.join(dist, 'content-scripts/content.js'), 'utf8');
  const draftChunk = readFileSync(path.join(dist, draftPageSizes(dist).entry.file), 'utf8');
  const extract = readFileSync(path.join(dist, 'article-extract.js'), 'utf8');
  return {
    content: sizeOf(dist, 'content-scripts/content.js'),
    probes: LIBRARY_PROBES.map(({ library, probe, expectedIn }) => ({
      library,
      probe,
      inContent: content.includes(probe),
      inExpected: (expectedIn === 'article-extract.js' ? extract : draftChunk).includes(probe),
    })),
  };
}
