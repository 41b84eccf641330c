// The background keeps "packs-compiled" (utils/packs/compiled.ts) in step with "packs" and the packs turned
// off: whenever either changes, and once when it starts (an install from before the record, a write it
// missed, an update that changed the built-in bases), it reads the packs with full validation, compiles the
// matcher of the bases in force ONCE, and writes the lean packs and that matcher's ready form. This is the one
// place the stored packs are validated and compiled for the content script; frames only hydrate the result.
import { browser } from 'wxt/browser';
import { compileMatcher } from '../engine/matcher';
import { matcherToWire } from '../engine/ready';
import { BUILT_IN_BASES, BUILT_IN_STAMP } from '../factbase/generated/match';
import { leanFactBase } from '../factbase/lean';
import { basesInForce } from '../factbase/registry';
import { COMPILED_PACKS_KEY, frameRecord, type FrameRecord, type ReadyMatcher } from '../packs/compiled';
import type { CompiledFactBase } from '../factbase/types';
import { isQuotaError, loadImportedPacks, packsItem } from '../packs/storage';
import { loadSettings, settingsItem } from '../settings/storage';

/** The last record made, and what from: when that is the same, nothing is compiled again. */
let last: { input: string; record: FrameRecord } | null = null;

/**
 * Writes the record from the stored packs and the settings; writes nothing when it already says the same (no
 * frame hydrates again). When the browser refuses the write (storage.local is full: "packs" and the record
 * together pass its 10 MB, as with a 100,000-alias pack), a record without packs is written in its place, so
 * frames mark with the built-in bases (a ready matcher of their own) and never compile the big pack: the page
 * stays responsive, and the packs themselves stay stored.
 */
export async function syncCompiledPacks(): Promise<void> {
  const [{ packs }, { settings }] = await Promise.all([loadImportedPacks(), loadSettings()]);
  const input = JSON.stringify([BUILT_IN_STAMP, packs.map((p) => [p.id, p.importedAt]), settings.disabledPacks]);
  const next = last?.input === input ? last.record : makeRecord(packs.map((p) => p.factBase), settings.disabledPacks);
  last = { input, record: next };
  const stored = (await browser.storage.local.get(COMPILED_PACKS_KEY))[COMPILED_PACKS_KEY] as { body?: unknown } | undefined;
  if (stored?.body !== next.body) {
    try {
      await browser.storage.local.set({ [COMPILED_PACKS_KEY]: next });
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      console.warn('Factlens: the packs are too large to be marked (storage is full); marking the built-in bases only', e);
      const dropped = packs.map((p) => p.id);
      await browser.storage.local.set({ [COMPILED_PACKS_KEY]: frameRecord(BUILT_IN_STAMP, [], null, dropped) });
    }
  }
}

/** The record for these packs (validated) with these packs turned off: the matcher of the bases in force, compiled. */
export function makeRecord(packs: readonly CompiledFactBase[], disabled: readonly string[]): FrameRecord {
  const lean = packs.map(leanFactBase);
  const bases = basesInForce(BUILT_IN_BASES, lean, new Set(disabled));
  const ids = bases.map((b) => b.source.id);
  const builtInOnly = ids.join('\n') === BUILT_IN_BASES.map((b) => b.source.id).join('\n');
  const ready: ReadyMatcher | null = builtInOnly ? null : { ids, matcher: matcherToWire(compileMatcher(bases)) };
  return frameRecord(BUILT_IN_STAMP, lean, ready);
}

export function watchPacksForFrames(): void {
  let queue = Promise.resolve();
  // One sync at a time, in order: two quick imports must not leave the first one's record last.
  const sync = () => {
    queue = queue.then(syncCompiledPacks).catch((e: unknown) => console.warn('Factlens: packs could not be compiled', e));
  };
  packsItem.watch(sync);
  // Settings change often (colours, switches): syncCompiledPacks compiles only when the packs turned off changed.
  settingsItem.watch(sync);
  sync();
}
