// The background keeps "packs-compiled" (utils/packs/compiled.ts) in step with "packs" and the packs turned
// off: whenever either changes, and once when it starts (an install from before the record, a write it
// missed, an update that changed the built-in bases), it reads the packs with full validation, compiles the
// matcher of the bases in force ONCE, and writes the lean packs and that matcher's ready form, and with them
// (in the same write) the loader's gate: one word of each alias of a core actor (utils/engine/gate-words.ts). This is the one
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
import { gateWords } from '../engine/gate-words';
import { gateStamp, storedGate, type StoredGate } from '../engine/word-gate';
import { FRAME_GATE_KEY } from '../storage-keys';
import type { Matcher } from '../engine/matcher';

/** What the background writes for frames: the record, and the gate of its bases' words. */
interface FrameItems {
  record: FrameRecord;
  gate: StoredGate;
}

/** The last items made, and what from: when that is the same, nothing is compiled again. */
let last: { input: string; items: FrameItems } | null = null;

/** The loader's gate for this matcher's bases (utils/engine/word-gate.ts). */
export function makeGate(matcher: Matcher): StoredGate {
  const words = gateWords(matcher);
  return storedGate(gateStamp(BUILT_IN_STAMP), words.any, words.cased);
}

const sameGate = (stored: unknown, gate: StoredGate): boolean => JSON.stringify(stored) === JSON.stringify(gate);

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
  const next = last?.input === input ? last.items : makeFrameItems(packs.map((p) => p.factBase), settings.disabledPacks);
  last = { input, items: next };
  const stored = await browser.storage.local.get([COMPILED_PACKS_KEY, FRAME_GATE_KEY]);
  const items: Record<string, unknown> = {};
  if ((stored[COMPILED_PACKS_KEY] as { body?: unknown } | undefined)?.body !== next.record.body) items[COMPILED_PACKS_KEY] = next.record;
  if (!sameGate(stored[FRAME_GATE_KEY], next.gate)) items[FRAME_GATE_KEY] = next.gate;
  if (Object.keys(items).length === 0) return;
  try {
    // One write: a frame never reads a gate made for other bases than the record's.
    await browser.storage.local.set(items);
  } catch (e) {
    if (!isQuotaError(e)) throw e;
    console.warn('Factlens: the packs are too large to be marked (storage is full); marking the built-in bases only', e);
    const dropped = packs.map((p) => p.id);
    await browser.storage.local.set({
      [COMPILED_PACKS_KEY]: frameRecord(BUILT_IN_STAMP, [], null, dropped),
      [FRAME_GATE_KEY]: makeGate(compileMatcher(BUILT_IN_BASES)),
    });
  }
}

/** The record and the gate for these packs with these turned off, from one compile of the bases in force. */
export function makeFrameItems(packs: readonly CompiledFactBase[], disabled: readonly string[]): FrameItems {
  const lean = packs.map(leanFactBase);
  const bases = basesInForce(BUILT_IN_BASES, lean, new Set(disabled));
  const ids = bases.map((b) => b.source.id);
  const builtInOnly = ids.join('\n') === BUILT_IN_BASES.map((b) => b.source.id).join('\n');
  const matcher = compileMatcher(bases);
  const ready: ReadyMatcher | null = builtInOnly ? null : { ids, matcher: matcherToWire(matcher) };
  return { record: frameRecord(BUILT_IN_STAMP, lean, ready), gate: makeGate(matcher) };
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
