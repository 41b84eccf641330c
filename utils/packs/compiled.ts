// What the content script reads of the packs: storage.local key "packs-compiled", `{ version: 2, body }`, with
// `body` ONE JSON string (one string is copied to a frame far faster than a deep object graph of the same
// size). Only the background writes it (utils/background/packs-sync.ts), from the packs that passed
// validatePack, whenever the packs or the packs turned off change:
//   - `builtIn`: the stamp of the built-in bases it was made with (generated/match.ts BUILT_IN_STAMP);
//   - `packs`: every stored pack in its lean wire form (utils/factbase/lean.ts): ids, names, kinds, aliases,
//     cues; no facts (they stay in "packs"; the card reads them when it opens, utils/card/facts.ts);
//   - `ready`: the ready form of the matcher (utils/engine/ready.ts) of the bases in force when it was written
//     (`ids`, in order), or null when only the built-in bases are in force (frames have theirs already);
//   - `dropped` (when present): the ids of packs left out because storage could not hold the record with them.
// Frames check it structurally (no zod, no validation again) and hydrate the matcher without a compile. A
// record of another shape or from another build reads as no packs / no ready matcher: never thrown on.
import type { CompiledFactBase } from '../factbase/types';
import { leanFromWire, leanToWire, type LeanBaseWire } from '../factbase/lean';
import type { MatcherWire } from '../engine/ready';
import { isRecord } from '../is-record';
import { COMPILED_PACKS_KEY } from '../storage-keys';

export { COMPILED_PACKS_KEY };
export const COMPILED_PACKS_VERSION = 2;

export interface FrameRecord {
  version: typeof COMPILED_PACKS_VERSION;
  body: string;
}

interface FrameRecordBody {
  builtIn: string;
  packs: LeanBaseWire[];
  ready: { ids: string[]; matcher: MatcherWire } | null;
  dropped?: string[];
}

export interface ReadyMatcher {
  /** The source ids of the bases in force it was compiled for, in order. */
  ids: string[];
  matcher: MatcherWire;
}

export interface FrameRecordContents {
  /** The stored packs, lean, in stored order (which are off is the settings' business). */
  packs: CompiledFactBase[];
  /** The matcher compiled for `ids`, when the record has one and was made with this build's built-in bases. */
  ready: ReadyMatcher | null;
}

/** The record the background writes. */
export function frameRecord(
  builtInStamp: string,
  packs: readonly CompiledFactBase[],
  ready: ReadyMatcher | null,
  dropped: readonly string[] = [],
): FrameRecord {
  const body: FrameRecordBody = { builtIn: builtInStamp, packs: packs.map(leanToWire), ready };
  if (dropped.length > 0) body.dropped = [...dropped];
  return { version: COMPILED_PACKS_VERSION, body: JSON.stringify(body) };
}

const NOTHING: FrameRecordContents = { packs: [], ready: null };

/**
 * The ids of the packs a stored record (any value) says it left out because storage could not hold it with
 * them (those packs are not marked on pages); [] for any other record. Never throws.
 */
export function droppedPacks(raw: unknown): string[] {
  if (!isRecord(raw) || raw.version !== COMPILED_PACKS_VERSION || typeof raw.body !== 'string') return [];
  try {
    const body: unknown = JSON.parse(raw.body);
    return isRecord(body) && Array.isArray(body.dropped) ? body.dropped.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * A stored record (any value) read for a frame; never throws. Another version, text that is not JSON or a body
 * of another shape: no packs. A pack entry of another shape is left out, and then the ready matcher too (it was
 * compiled with that pack). The matcher's own contents are checked when it is hydrated (matcherFromWire).
 */
export function readFrameRecord(raw: unknown, builtInStamp: string): FrameRecordContents {
  if (!isRecord(raw) || raw.version !== COMPILED_PACKS_VERSION || typeof raw.body !== 'string') return NOTHING;
  let body: unknown;
  try {
    body = JSON.parse(raw.body);
  } catch {
    return NOTHING;
  }
  if (!isRecord(body) || !Array.isArray(body.packs)) return NOTHING;
  const packs: CompiledFactBase[] = [];
  let whole = true;
  for (const wire of body.packs as unknown[]) {
    const pack = leanFromWire(wire);
    if (pack) packs.push(pack);
    else whole = false;
  }
  const ready = body.ready;
  const readyOk =
    whole &&
    body.builtIn === builtInStamp &&
    isRecord(ready) &&
    Array.isArray(ready.ids) &&
    ready.ids.every((id) => typeof id === 'string') &&
    isRecord(ready.matcher);
  return { packs, ready: readyOk ? (ready as unknown as ReadyMatcher) : null };
}
