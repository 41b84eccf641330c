// The packs as the content script reads them: storage.local key "packs-compiled", `{ version: 1, packs:
// [{ id, factBase }] }`. Only the background writes it (packs-sync.ts), from the packs that passed
// validatePack when read, so every frame of every page reads a trusted record with a structural check
// (no zod, no validation of 2 MB of pack again per frame). A record of another shape reads as no packs.
import type { CompiledFactBase } from '../factbase/types';

export const COMPILED_PACKS_KEY = 'packs-compiled';
export const COMPILED_PACKS_VERSION = 1;

export interface CompiledPack {
  id: string;
  factBase: CompiledFactBase;
}

export interface CompiledPacksRecord {
  version: typeof COMPILED_PACKS_VERSION;
  packs: CompiledPack[];
}

/** The record the background writes, from packs that passed validation. */
export function compiledPacksRecord(packs: readonly CompiledPack[]): CompiledPacksRecord {
  return { version: COMPILED_PACKS_VERSION, packs: packs.map(({ id, factBase }) => ({ id, factBase })) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a stored entry has the shape the engine walks (the contents were validated when it was written). */
function isCompiledPack(entry: unknown): entry is CompiledPack {
  if (!isObject(entry) || typeof entry.id !== 'string' || !isObject(entry.factBase)) return false;
  const { formatVersion, source, actors } = entry.factBase;
  if (formatVersion !== 1 || !isObject(source) || source.id !== entry.id || !Array.isArray(actors)) return false;
  return actors.every(
    (a) => isObject(a) && typeof a.id === 'string' && typeof a.kind === 'string' && Array.isArray(a.aliases) && isObject(a.cues),
  );
}

/** The packs of a stored record (any shape); never throws. Entries of another shape are left out. */
export function readCompiledPacks(raw: unknown): CompiledPack[] {
  if (!isObject(raw) || raw.version !== COMPILED_PACKS_VERSION || !Array.isArray(raw.packs)) return [];
  return raw.packs.filter(isCompiledPack);
}
