// The matcher's ready form: what compileMatcher computes (the folded alias keys or the alias trie itself, the
// alias entries' case data, the cues' folded keys, the folded given names) as plain JSON data, so that the
// expensive part (foldKey, casePattern, for big packs the trie build) is done ONCE: for the built-in bases at
// build time (scripts/build-factbase.ts), for packs by the background when they change
// (utils/background/packs-sync.ts). A frame only hydrates it. matcherFromWire gives the matcher a fresh
// compileMatcher of the same bases gives: deep-equal once its trie's values are all made (completeValues), its
// known words answering alike, the same mentions (tests/unit/engine-ready.test.ts).
//
// Two forms of the alias trie: `keys` (the folded key of each alias; the trie is built again from them, which
// costs little for a few hundred aliases and keeps the content script small) and `trie` (the flat trie's own
// arrays, trie.ts TrieWire; for big packs, where building 28,000 keys into a trie would be a long task). The
// `trie` form does no work per alias when hydrated beyond a pass over typed arrays: an alias's entry is made
// when a walk first reaches its key (an alias the page holds), and knownWords asks the trie instead of a set.
import type { CompiledActor, CompiledFactBase } from '../factbase/types';
import { aliasCount } from '../factbase/lean';
import { createRegistry } from '../factbase/registry';
import { aliasEntry, lowerStartOk, type ActorRules, type AliasEntry, type CueEntry, type Matcher } from './matcher';
import { base64ToBytes, base64ToInt32, buildTrie, buildTrieSteps, bytesToBase64, completeValues, hasKey, int32ToBase64, runSteps, trieFromWireSteps, trieToWire, type FlatTrie, type TrieWire } from './trie';

export const MATCHER_WIRE_VERSION = 2;

const SEP = '\u0000';
/** In the `keys` form: the key is the alias's text lower-cased (printable ASCII only, where that is exact). */
const LOWER = '\u0001';
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export interface MatcherWire {
  v: typeof MATCHER_WIRE_VERSION;
  /** How many actors and aliases it was compiled for (a cheap check that it fits the bases given). */
  actors: number;
  aliases: number;
  /**
   * Per alias of every actor, in order: `keys` form, its folded key ('' when it has none), joined by U+0000;
   * `trie` form, the index of its key in the trie's values (-1: none), as base64 of 32-bit integers.
   */
  form: 'keys' | 'trie';
  slots: string;
  trie: TrieWire | null;
  /** `keys` form, per alias with a key: its word count, one byte (base64); `trie` form: '' (made from the alias). */
  words: string;
  /** `keys` form, per alias with a key: the indexes of its capitalised words joined by '.', the aliases by ','. */
  caps: string;
  /** `keys` form, per alias with a key: its case pattern (U and l only), joined by ','. */
  cases: string;
  /** The distinct cue tries, each as its entries: folded keys joined by U+0000, and 's' (support) or 'c' per key. */
  cues: { keys: string; support: string }[];
  /** Per actor: its cue trie's index in `cues`, or -1. */
  cueOf: number[];
  /** Per actor: its folded given names and titles, longest first. */
  given: string[][];
}

/**
 * The ready form of a compiled matcher; `form` 'trie' carries the alias trie's arrays (big packs), 'keys' its
 * keys only. Throws only on a matcher it cannot describe (a key holding U+0000).
 */
export function matcherToWire(matcher: Matcher, form: 'keys' | 'trie' = 'trie'): MatcherWire {
  const slotOf = new Map<object, { slot: number; entry: AliasEntry }>();
  completeValues(matcher.aliasTrie).values.forEach((list, slot) => list.forEach((entry) => slotOf.set(entry.alias, { slot, entry })));
  const slots: number[] = [];
  const keys: string[] = [];
  const words: number[] = [];
  const caps: string[] = [];
  const cases: string[] = [];
  for (const actor of matcher.actors) {
    for (const alias of actor.aliases) {
      const found = slotOf.get(alias);
      slots.push(found ? found.slot : -1);
      const key = found ? found.entry.key : '';
      keys.push(key !== '' && PRINTABLE_ASCII.test(alias.text) && alias.text.toLowerCase() === key ? LOWER : key);
      if (!found) continue;
      if (found.entry.key.includes(SEP) || found.entry.key === LOWER) throw new Error('a key holds U+0000 or is U+0001');
      if (found.entry.wordCount > 255) throw new Error('an alias of more than 255 words');
      words.push(found.entry.wordCount);
      caps.push(found.entry.capitalWords.join('.'));
      cases.push(found.entry.casePattern);
    }
  }
  const cueIndex = new Map<FlatTrie<CueEntry>, number>();
  const cues: MatcherWire['cues'] = [];
  const cueOf = matcher.actorRules.map(({ cueTrie }) => {
    if (!cueTrie) return -1;
    let at = cueIndex.get(cueTrie);
    if (at === undefined) {
      at = cues.length;
      cueIndex.set(cueTrie, at);
      // The trie's keys with their values, in value order: buildTrie of these gives the same trie back.
      const entries = cueTrie.keys.flatMap((key, k) => cueTrie.values[k]!.map((support) => ({ key, support })));
      if (entries.some((e) => e.key.includes(SEP))) throw new Error('a cue key holds U+0000');
      cues.push({ keys: entries.map((e) => e.key).join(SEP), support: entries.map((e) => (e.support ? 's' : 'c')).join('') });
    }
    return at;
  });
  return {
    v: MATCHER_WIRE_VERSION,
    actors: matcher.actors.length,
    aliases: slots.length,
    form,
    slots: form === 'trie' ? int32ToBase64(slots) : keys.join(SEP),
    trie: form === 'trie' ? trieToWire(matcher.aliasTrie) : null,
    words: form === 'trie' ? '' : bytesToBase64(Uint8Array.from(words)),
    caps: form === 'trie' ? '' : caps.join(','),
    cases: form === 'trie' ? '' : cases.join(','),
    cues,
    cueOf,
    given: matcher.actorRules.map((r) => r.givenNames),
  };
}

const splitList = (text: string, by: string, count: number): string[] | null => {
  if (count === 0) return text === '' ? [] : null;
  const parts = text.split(by);
  return parts.length === count ? parts : null;
};

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
  let aliasTrie: FlatTrie<AliasEntry> | null;
  let knownWords: Set<string> | null = null;
  if (wire.form === 'trie') {
    aliasTrie = yield* aliasTrieFromWire(actors, aliasStart, wire);
    if (!aliasTrie) return null;
  } else if (wire.form === 'keys') {
    const entries = keyEntries(actors, wire);
    if (!entries) return null;
    yield;
    aliasTrie = yield* buildTrieSteps(entries);
    knownWords = new Set<string>(aliasTrie.keys);
  } else return null;
  yield;
  const cueWords = new Set<string>();
  const cueTries: FlatTrie<CueEntry>[] = [];
  for (const cue of wire.cues) {
    if (typeof cue !== 'object' || cue === null || typeof cue.keys !== 'string' || typeof cue.support !== 'string') return null;
    const cueKeys = cue.keys.split(SEP);
    if (cueKeys.length !== cue.support.length || cueKeys.some((k) => k === '')) return null;
    const cueEntries = cueKeys.map((key, k) => ({ key, value: cue.support[k] === 's' }));
    for (const { key, value } of cueEntries) if (value) (knownWords ?? cueWords).add(key);
    cueTries.push(buildTrie(cueEntries));
  }
  const actorRules = rulesOf(actors, wire, cueTries);
  if (!actorRules) return null;
  // The trie form: the alias keys are the trie's own (no set of 28,000 strings), the cues' a small set.
  const trie = aliasTrie;
  const words = knownWords ?? { has: (word: string) => hasKey(trie, word) || cueWords.has(word) };
  return { factBases, actors, registry: createRegistry(factBases), aliasTrie, actorRules, knownWords: words };
}

// Plain functions for the loops over every actor or alias: V8 optimises a generator's body far less.

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
 * The `trie` form's alias trie. Per alias, only its slot is read (a typed array, sorted by slot in one counting
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
      // The actor whose aliases hold g: the last start at or before it.
      let lo = 0;
      let hi = actors.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (aliasStart[mid]! <= g) lo = mid;
        else hi = mid - 1;
      }
      list.push(aliasEntry(lo, actors[lo]!.aliases[g - aliasStart[lo]!]!));
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

/** The `keys` form's entries for buildTrie (a few hundred aliases: the built-in bases). */
function keyEntries(actors: readonly CompiledActor[], wire: MatcherWire): { key: string; value: AliasEntry; lowerStartOk: boolean }[] | null {
  if (typeof wire.caps !== 'string' || typeof wire.cases !== 'string' || typeof wire.words !== 'string') return null;
  const words = base64ToBytes(wire.words);
  if (!words) return null;
  const caps = splitList(wire.caps, ',', words.length);
  const cases = splitList(wire.cases, ',', words.length);
  const keys = wire.aliases === 0 ? [] : wire.slots.split(SEP);
  if (!caps || !cases || keys.length !== wire.aliases) return null;
  const entries: { key: string; value: AliasEntry; lowerStartOk: boolean }[] = [];
  // Most aliases share a handful of capital-word lists ("0", "0.1"): one read-only array each.
  const capsLists = new Map<string, number[]>();
  let e = 0;
  let at = 0;
  for (let index = 0; index < actors.length; index++) {
    for (const alias of actors[index]!.aliases) {
      let key = keys[at++]!;
      if (key === LOWER) key = alias.text.toLowerCase();
      if (key === '') continue;
      if (e >= words.length) return null;
      const capsText = caps[e]!;
      let capitalWords = capsLists.get(capsText);
      if (capitalWords === undefined) {
        capitalWords = capsText === '' ? [] : capsText.split('.').map(Number);
        capsLists.set(capsText, capitalWords);
      }
      const entry: AliasEntry = { actor: index, alias, capitalWords, wordCount: words[e]!, casePattern: cases[e]!, key };
      entries.push({ key, value: entry, lowerStartOk: lowerStartOk(entry) });
      e++;
    }
  }
  return e === words.length ? entries : null;
}
