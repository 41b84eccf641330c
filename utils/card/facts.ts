// The card's facts. Frames match with lean bases (utils/factbase/lean.ts: no identity, facts or relations), so
// the card, when it first opens, swaps in the full ones: the built-in bases from the card's own module
// (card-ui.js, loaded then anyway) and the packs from "packs" in storage, read once. Those packs were
// validated when stored and again by the background before it let frames mark them; here a structural check
// is enough (every string is rendered as text). A pack that cannot be found or read keeps its lean form: the
// card then shows its actor's name and kind without facts, as it does for an actor that has none.
import type { CompiledFactBase } from '../factbase/types';
import { isRecord } from '../is-record';

/** Whether a stored fact base has the fields the card reads, on every actor. */
function isFullBase(v: unknown): v is CompiledFactBase {
  if (!isRecord(v) || !isRecord(v.source) || typeof v.source.id !== 'string' || !Array.isArray(v.actors)) return false;
  return v.actors.every(
    (a) =>
      isRecord(a) &&
      typeof a.id === 'string' &&
      typeof a.name === 'string' &&
      typeof a.identity === 'string' &&
      Array.isArray(a.aliases) &&
      Array.isArray(a.related) &&
      Array.isArray(a.facts) &&
      a.facts.every((f) => isRecord(f) && typeof f.text === 'string' && typeof f.quote === 'string'),
  );
}

/** The stored packs' full fact bases by id (the "packs" value, any shape; entries of another shape are left out). */
function storedById(storedPacks: unknown): Map<string, CompiledFactBase> {
  const byId = new Map<string, CompiledFactBase>();
  if (!isRecord(storedPacks) || !Array.isArray(storedPacks.packs)) return byId;
  for (const entry of storedPacks.packs as unknown[]) {
    const base = isRecord(entry) ? entry.factBase : undefined;
    if (isFullBase(base) && !byId.has(base.source.id)) byId.set(base.source.id, base);
  }
  return byId;
}

/**
 * The full fact base of each lean one, in the same order (the registry's order): built-in ones from `builtIn`,
 * packs from the stored "packs" value. A full base is used only when it names the same actors as the lean one
 * it replaces (the pack was not swapped meanwhile), else the lean one stays.
 */
export function fullFactBases(
  lean: readonly CompiledFactBase[],
  builtIn: readonly CompiledFactBase[],
  storedPacks: unknown,
): CompiledFactBase[] {
  const stored = storedById(storedPacks);
  return lean.map((base) => {
    const id = base.source.id;
    const full = builtIn.find((b) => b.source.id === id) ?? stored.get(id);
    const same = full && full.actors.length === base.actors.length && full.actors.every((a, i) => a.id === base.actors[i]!.id);
    return same ? full : base;
  });
}
