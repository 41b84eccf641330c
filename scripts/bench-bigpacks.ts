// The bench's big-pack figures (issue 16, point 6): a pack of 28,000 aliases (about the largest the import
// accepts) and one of 100,000 (written to storage directly, past the import's size limit), on a page with
// four iframes that all hold text to mark. Per load: when the top frame's first marks were registered
// (from the navigation's start) and the longest task of the page while it loaded.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExtensionBrowser, Route } from './lib/browser';
import { CHROME_DIST } from './lib/paths';
import { loadFactBases, padFactBases } from './bench-aliases';
import { openPage, settle, work } from './bench-browser';
import type { CompiledFactBase } from '../utils/factbase/types';

export const BIGPACK_PAGE = '/bench-bigpack.html';
const BIGPACK_FRAME = '/bench-bigpack-frame.html';
export const BIGPACK_FRAMES = 4;
export const BIGPACK_SIZES = [28_000, 100_000] as const;

/** The article's paragraphs (names of the real fact base in them), cut into pieces for the page and its frames. */
function articleParagraphs(): string[] {
  const text = readFileSync(path.resolve(import.meta.dirname, '../assets/articles/idlib-2019.txt'), 'utf8');
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 80);
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function bigPackPages(): Record<string, Route> {
  const paras = articleParagraphs();
  const html = (title: string, body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
  const frames = Array.from({ length: BIGPACK_FRAMES }, (_, i) => `<iframe src="${BIGPACK_FRAME}?n=${i}" width="600" height="200"></iframe>`);
  return {
    [BIGPACK_PAGE]: html('Big pack page', `<article>${paras.slice(0, 10).map((p) => `<p>${escape(p)}</p>`).join('\n')}</article>${frames.join('\n')}`),
    [BIGPACK_FRAME]: html('frame', paras.slice(10, 14).map((p) => `<p>${escape(p)}</p>`).join('\n')),
  };
}

/** A pack that validatePack accepts, of `aliases` aliases in all with the real base (40 to an actor). */
export async function bigPack(aliases: number): Promise<CompiledFactBase> {
  const pad = padFactBases(await loadFactBases(), aliases, new Set(), 40).at(-1)!;
  return {
    ...pad,
    source: { ...pad.source, id: `bench-big-${aliases}`, period: '2030', file: 'bench.txt' },
    actors: pad.actors.map((a) => ({
      ...a,
      identityQuote: 'synthetic',
      facts: [{ id: `${a.id}/0`, text: 'A synthetic fact.', quote: 'synthetic', actors: [a.id], figures: [] }],
    })),
  };
}

declare const chrome: { storage: { local: { set(x: object): Promise<void>; get(k: string): Promise<Record<string, unknown>> } } };

/**
 * Writes the pack the way the extension stores it, then waits for the background's compiled record to hold
 * it (its validation and compile, once), or to say it was dropped (storage full): returns how long that took,
 * in ms (NaN: a build without the record, or none after 3 min).
 */
export async function storeBigPack(ext: ExtensionBrowser, pack: CompiledFactBase): Promise<number> {
  const t0 = Date.now();
  await ext.serviceWorker.evaluate(
    (factBase) => chrome.storage.local.set({ packs: { version: 1, packs: [{ importedAt: new Date().toISOString(), factBase }] } }),
    pack as unknown as Record<string, unknown>,
  );
  // A build from before the compiled record: its frames read "packs" themselves, nothing to wait for.
  const background = path.join(CHROME_DIST, 'background.js');
  if (!existsSync(background) || !readFileSync(background, 'utf8').includes('packs-compiled')) return NaN;
  // Polled once a second: each read copies the whole record, and must not slow the background down.
  const compiled = await ext.serviceWorker.evaluate(async (id) => {
    for (let i = 0; i < 180; i++) {
      const rec = (await chrome.storage.local.get('packs-compiled'))['packs-compiled'] as { body?: string; packs?: { id: string }[] } | undefined;
      // Version 2 (one JSON string: lean packs and the ready matcher); version 1 (the packs as objects).
      if (typeof rec?.body === 'string') {
        const body = JSON.parse(rec.body) as { packs: { source: { id: string } }[]; dropped?: string[] };
        // Held, or left out because storage.local could not hold the record with it (then frames mark without it).
        if (body.packs.some((p) => p.source.id === id) || body.dropped?.includes(id)) return true;
      }
      if (rec?.packs?.some((p) => p.id === id)) return true;
      await new Promise((r) => setTimeout(r, 1000));
    }
    return false;
  }, pack.source.id);
  return compiled ? Date.now() - t0 : NaN;
}

export interface BigPackLoad {
  /** The top frame's first marks registered, from the navigation's start (ms). */
  firstMarkMs: number;
  /** The longest task of the top frame's event loop while it loaded (the frames share it: same origin). */
  longestTaskMs: number;
  highlights: number;
}

export async function bigPackLoad(ext: ExtensionBrowser, url: string): Promise<BigPackLoad> {
  const page = await openPage(ext, url);
  try {
    await settle(page);
    const w = await work(page);
    const first = await page.evaluate(() => globalThis.__factlensBench.firstMark());
    return { firstMarkMs: first.firstMarkEnd ?? NaN, longestTaskMs: w.longestTaskAnyMs, highlights: w.highlights };
  } finally {
    await page.close();
  }
}
