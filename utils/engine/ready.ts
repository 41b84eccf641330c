// The matcher's ready form: what compileMatcher computes (the alias trie and the cue tries themselves, the
// folded given names) as plain JSON data, so that the expensive part (foldKey, casePattern, the trie build) is
// done ONCE: for the built-in bases at build time (scripts/build-factbase.ts), for packs by the background when
// they change (utils/background/packs-sync.ts). A frame only hydrates it. matcherFromWire gives the matcher a
// fresh compileMatcher of the same bases gives: deep-equal once its trie's values are all made
// (completeValues), its known words answering alike, the same mentions (tests/unit/engine-ready.test.ts).
//
// The alias trie travels as the flat trie's own arrays (trie.ts TrieWire) and does no work per alias when
// hydrated beyond a pass over typed arrays: an alias's entry is made when a walk first reaches its key (an
// alias the page holds), and knownWords asks the trie instead of a set. (A form that carried the folded keys
// and built the trie again in each frame was dropped: building even the 401 built-in keys was the largest
// part of the app's fixed cost on a page with text, about a third of its sampled time.)
import type { CompiledActor, CompiledFactBase } from '../factbase/types';
import { aliasCount } from '../factbase/lean';
import { createRegistry } from '../factbase/registry';
import { aliasEntry, type ActorRules, type AliasEntry, type CueEntry, type Matcher } from './matcher';
import { lastAtMost } from './sorted';
import { base64ToInt32, completeValues, hasKey, int32ToBase64, runSteps, trieFromWire, trieFromWireSteps, trieToWire, type FlatTrie, type TrieWire } from './trie';

export const MATCHER_WIRE_VERSION = 4;

export interface MatcherWire {
  v: typeof MATCHER_WIRE_VERSION;
  /** How many actors and aliases it was compiled for (a cheap check that it fits the bases given). */
  actors: number;
  aliases: number;
  /** Per alias of every actor, in order: the index of its key in the trie's values (-1: none), as base64 of 32-bit integers. */
  slots: string;
  trie: TrieWire;
  /**
   * The distinct cue tries, each as a trie's ready form and, per key (in the trie's value order), its values:
   * 's' (support) or 'c' (contrary) each, the keys' lists joined by commas. Decoded like the alias trie, so a
   * frame builds no trie at all (building the built-in bases' ten cue tries was about 3 ms of a cold frame).
   */
  cues: { trie: TrieWire; values: string }[];
  /** Per actor: its cue trie's index in `cues`, or -1. */
  cueOf: number[];
  /** Per actor: its folded given names and titles, longest first. */
  given: string[][];
}

/** The ready form of a compiled matcher. */
export function matcherToWire(matcher: Matcher): MatcherWire {
  const slotOf = new Map<object, number>();
  completeValues(matcher.aliasTrie).values.forEach((list, slot) => list.forEach((entry) => slotOf.set(entry.alias, slot)));
  const slots: number[] = [];
  for (const actor of matcher.actors) for (const alias of actor.aliases) slots.push(slotOf.get(alias) ?? -1);
  const cueIndex = new Map<FlatTrie<CueEntry>, number>();
  const cues: MatcherWire['cues'] = [];
  const cueOf = matcher.actorRules.map(({ cueTrie }) => {
    if (!cueTrie) return -1;
    let at = cueIndex.get(cueTrie);
    if (at === undefined) {
      at = cues.length;
      cueIndex.set(cueTrie, at);
      const values = completeValues(cueTrie).values.map((list) => list.map((support) => (support ? 's' : 'c')).join(''));
      cues.push({ trie: trieToWire(cueTrie), values: values.join(',') });
    }
    return at;
  });
  return {
    v: MATCHER_WIRE_VERSION,
    actors: matcher.actors.length,
    aliases: slots.length,
    slots: int32ToBase64(slots),
    trie: trieToWire(matcher.aliasTrie),
    cues,
    cueOf,
    given: matcher.actorRules.map((r) => r.givenNames),
  };
}

/**
 * The matcher of `factBases` from its ready form, without compiling; null when the form was not made for these
 * bases or does not hold together (then the caller compiles). The checks are structural and cheap: sizes,
 * ranges and the trie's layout, enough that nothing reads past an array.
 */
export function matcherFromWire(factBases: readonly CompiledFactBase[], wire: MatcherWire): Matcher | null {
  return runSteps(matcherFromWireSteps(factBases, wire));
}

/** matcherFromWire as a generator that yields between units of work (for compileMatcherInSlices's slices). */
export function* matcherFromWireSteps(factBases: readonly CompiledFactBase[], wire: MatcherWire): Generator<void, Matcher | null> {
  if (typeof wire !== 'object' || wire === null || wire.v !== MATCHER_WIRE_VERSION) return null;
  const actors = factBases.flatMap((b) => b.actors);
  const aliasStart = aliasStarts(actors);
  const aliasTotal = aliasStart[actors.length]!;
  if (wire.actors !== actors.length || wire.aliases !== aliasTotal) return null;
  if (!Array.isArray(wire.cueOf) || wire.cueOf.length !== actors.length || !Array.isArray(wire.given) || wire.given.length !== actors.length) return null;
  if (!Array.isArray(wire.cues) || typeof wire.slots !== 'string') return null;
  const aliasTrie = yield* aliasTrieFromWire(actors, aliasStart, wire);
  if (!aliasTrie) return null;
  yield;
  const cueTries: FlatTrie<CueEntry>[] = [];
  for (const cue of wire.cues) {
    const trie = cueTrieFromWire(cue);
    if (!trie) return null;
    cueTries.push(trie);
  }
  const actorRules = rulesOf(actors, wire, cueTries);
  if (!actorRules) return null;
  // The alias keys are the trie's own (no set of 28,000 strings), the support cues' a small set made when first asked.
  let cueWords: Set<string> | null = null;
  const words = { has: (word: string) => hasKey(aliasTrie, word) || (cueWords ??= supportWords(cueTries)).has(word) };
  return { factBases, actors, registry: createRegistry(factBases), aliasTrie, actorRules, knownWords: words };
}

// Plain functions for the loops over every actor or alias: V8 optimises a generator's body far less.

const CUE_VALUES = /^[sc]+$/;

/** A cue trie from its ready form, its values all made (a cue list is a few dozen keys); null if it does not hold together. */
function cueTrieFromWire(cue: unknown): FlatTrie<CueEntry> | null {
  if (typeof cue !== 'object' || cue === null) return null;
  const { trie: wire, values } = cue as { trie?: unknown; values?: unknown };
  if (typeof values !== 'string' || typeof wire !== 'object' || wire === null) return null;
  const lists = values.split(',');
  if (!lists.every((list) => CUE_VALUES.test(list))) return null;
  const trie = trieFromWire(wire as TrieWire, (t) => [...lists[t]!].map((v) => v === 's'));
  return trie && trie.values.length === lists.length ? completeValues(trie) : null;
}

/** The keys of support cues: known words, never read as another person's name. */
function supportWords(cueTries: readonly FlatTrie<CueEntry>[]): Set<string> {
  const words = new Set<string>();
  for (const trie of cueTries) trie.keys.forEach((key, k) => trie.values[k]!.includes(true) && words.add(key));
  return words;
}

/** Where each actor's aliases start in the list of every alias (counted without making a lean actor's aliases). */
function aliasStarts(actors: readonly CompiledActor[]): Int32Array {
  const aliasStart = new Int32Array(actors.length + 1);
  for (let i = 0; i < actors.length; i++) aliasStart[i + 1] = aliasStart[i]! + aliasCount(actors[i]!);
  return aliasStart;
}

function rulesOf(actors: readonly CompiledActor[], wire: MatcherWire, cueTries: readonly FlatTrie<CueEntry>[]): ActorRules[] | null {
  const actorRules: ActorRules[] = [];
  for (let i = 0; i < actors.length; i++) {
    const actor = actors[i]!;
    const cue = wire.cueOf[i];
    const given = wire.given[i];
    if (!Number.isInteger(cue) || cue! < -1 || cue! >= cueTries.length || !Array.isArray(given)) return null;
    actorRules.push({
      kind: actor.kind,
      cueTrie: cue === -1 ? null : cueTries[cue!]!,
      givenNames: given,
      hasContrary: actor.cues.contrary.length > 0,
    });
  }
  return actorRules;
}

/** The aliases of every key, by key: `order[first[t]] … order[first[t + 1] - 1]` (one counting pass); null if a slot is out of range or a key has no alias. */
function aliasesByKey(slots: Int32Array, keyCount: number): { first: Int32Array; order: Int32Array } | null {
  const first = new Int32Array(keyCount + 1);
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]!;
    if (s < -1 || s >= keyCount) return null;
    if (s >= 0) first[s + 1]!++;
  }
  for (let t = 0; t < keyCount; t++) {
    // Every key has an alias (else a walk would find a key with no entry).
    if (first[t + 1] === 0) return null;
    first[t + 1]! += first[t]!;
  }
  const order = new Int32Array(first[keyCount]!);
  const next = first.slice(0, keyCount);
  for (let i = 0; i < slots.length; i++) if (slots[i]! >= 0) order[next[slots[i]!]!++] = i;
  return { first, order };
}

/**
 * The alias trie. Per alias, only its slot is read (a typed array, sorted by slot in one counting
 * pass); an alias's entry is made by aliasEntry, as the compile makes it, when a walk first reaches its key.
 */
function* aliasTrieFromWire(actors: readonly CompiledActor[], aliasStart: Int32Array, wire: MatcherWire): Generator<void, FlatTrie<AliasEntry> | null> {
  const slots = base64ToInt32(wire.slots);
  const aliasTotal = aliasStart[actors.length]!;
  if (!slots || slots.length !== aliasTotal || !wire.trie) return null;
  // Filled below, before any walk can call it.
  let first: Int32Array = new Int32Array(0);
  let order: Int32Array = new Int32Array(0);
  const makeValues = (t: number): AliasEntry[] => {
    const list: AliasEntry[] = [];
    for (let j = first[t]!; j < first[t + 1]!; j++) {
      const g = order[j]!;
      // The actor whose aliases hold g: the last start at or before it (aliasStart's last entry is the total, past every g).
      const actor = lastAtMost(aliasStart, g);
      list.push(aliasEntry(actor, actors[actor]!.aliases[g - aliasStart[actor]!]!));
    }
    return list;
  };
  const trie = yield* trieFromWireSteps(wire.trie, makeValues);
  if (!trie) return null;
  const byKey = aliasesByKey(slots, trie.values.length);
  if (!byKey) return null;
  ({ first, order } = byKey);
  return trie;
}
