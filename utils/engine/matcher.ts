// Compiling fact bases into a matcher: one trie of every alias (folded), one trie of every context cue,
// and per-actor data the rules need. Done once per fact-base set; findMentions only reads it.
import type { ActorKind, CompiledActor, CompiledAlias, CompiledFactBase } from '../factbase/types';
import { createRegistry, type FactBaseRegistry } from '../factbase/registry';
import { CLS_WORD, charClass, foldKey, isUpperCode } from './normalise';
import { STEP_UNITS, buildTrie, buildTrieSteps, runSteps, type FlatTrie } from './trie';

export interface AliasEntry {
  /** Index into Matcher.actors. */
  actor: number;
  alias: CompiledAlias;
  /** Word indexes (words = runs of letters/digits) that the spec writes capitalised. */
  capitalWords: number[];
  wordCount: number;
  /** exact rule: the upper/lower pattern of the alias's cased letters ("UU" for "UN"). */
  casePattern: string;
  /** The folded alias (its key in the trie). */
  key: string;
}

/** A cue of an actor: true for support, false for contrary. */
export type CueEntry = boolean;

export interface ActorRules {
  kind: ActorKind;
  /** The actor's own cues (a small trie each: a cue scan skips almost every word at its first letter). */
  cueTrie: FlatTrie<CueEntry> | null;
  /** Folded given names and titles, longest first. */
  givenNames: string[];
  /** Whether the actor has contrary cues (then every candidate checks its sentence). */
  hasContrary: boolean;
}

/** What the rules ask of the known words. */
export interface WordSet {
  has(word: string): boolean;
}

export interface Matcher {
  readonly factBases: readonly CompiledFactBase[];
  /** Every actor of every fact base, in order. */
  readonly actors: readonly CompiledActor[];
  /** Which actor an id names (the registry's rule: the first base that defines it). */
  readonly registry: FactBaseRegistry;
  readonly aliasTrie: FlatTrie<AliasEntry>;
  readonly actorRules: readonly ActorRules[];
  /**
   * Folded words and phrases the fact base knows (aliases, cues): never read as another person's name. A set
   * when compiled; a hydrated big matcher asks its trie (no set of every key).
   */
  readonly knownWords: WordSet;
}

/** Words of a string: runs of letters and digits. */
function wordStarts(text: string): number[] {
  const starts: number[] = [];
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const isWord = charClass(text.charCodeAt(i)) === CLS_WORD;
    if (isWord && !inWord) starts.push(i);
    inWord = isWord || (inWord && charClass(text.charCodeAt(i)) === 2);
  }
  return starts;
}

/** The upper/lower pattern of a string's cased letters: U for upper, l for lower. */
export function casePattern(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower === upper) continue;
    out += ch === upper ? 'U' : 'l';
  }
  return out;
}

/** An alias's entry: what the compile makes per alias (and a hydrated matcher when a walk first reaches it). */
export function aliasEntry(actor: number, alias: CompiledAlias): AliasEntry {
  const starts = wordStarts(alias.text);
  const capitalWords: number[] = [];
  starts.forEach((s, index) => {
    if (isUpperCode(alias.text.charCodeAt(s))) capitalWords.push(index);
  });
  return { actor, alias, capitalWords, wordCount: starts.length, casePattern: casePattern(alias.text), key: foldKey(alias.text) };
}

/** Whether the case rule lets a surface start with a lower-case letter (else the scan skips such words). */
export function lowerStartOk(entry: AliasEntry): boolean {
  const { caseRule, text } = entry.alias;
  if (caseRule === 'any') return true;
  if (caseRule === 'exact') return !isUpperCode(text.charCodeAt(0));
  return entry.capitalWords.length > 0 && entry.capitalWords[0] !== 0;
}

/**
 * Matchers that need no compile, by the very list of fact bases they match: the frame's reader of the stored
 * record (utils/packs/frame-data.ts) hands over the list together with a hydrate of the matcher compiled ahead
 * (at build time, or by the background when the packs changed), and compileMatcherInSlices then calls that
 * instead of compiling. Keyed by identity, so another list of the same bases still compiles; a hydrate that
 * returns null (a record that does not hold together) falls back to the compile.
 */
const readyMatchers = new WeakMap<readonly CompiledFactBase[], () => Generator<void, Matcher | null>>();

export function provideReadyMatcher(factBases: readonly CompiledFactBase[], hydrate: () => Generator<void, Matcher | null>): void {
  readyMatchers.set(factBases, hydrate);
}

export function compileMatcher(factBases: CompiledFactBase | readonly CompiledFactBase[]): Matcher {
  return runSteps(compileMatcherSteps(factBases));
}

/**
 * Compiles in slices: runs the stepwise compile, calling `pause` whenever a slice has taken `sliceMs`, so
 * that a big pack (28,000 aliases: hundreds of ms) never blocks the page in one task. A small fact base
 * compiles in one slice, with no pause at all. The result is compileMatcher's.
 */
export async function compileMatcherInSlices(
  factBases: readonly CompiledFactBase[],
  pause: () => Promise<void>,
  sliceMs = 8,
  now: () => number = () => performance.now(),
): Promise<Matcher> {
  const ready = readyMatchers.get(factBases);
  if (ready) {
    const hydrated = await inSlices(ready(), pause, sliceMs, now);
    if (hydrated) return hydrated;
  }
  return inSlices(compileMatcherSteps(factBases), pause, sliceMs, now);
}

async function inSlices<R>(steps: Generator<void, R>, pause: () => Promise<void>, sliceMs: number, now: () => number): Promise<R> {
  let sliceStart = now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (now() - sliceStart < sliceMs) continue;
    await pause();
    sliceStart = now();
  }
}

/** compileMatcher as a generator that yields between units of work (see compileMatcherInSlices). */
export function* compileMatcherSteps(factBases: CompiledFactBase | readonly CompiledFactBase[]): Generator<void, Matcher> {
  const bases = Array.isArray(factBases) ? (factBases as readonly CompiledFactBase[]) : [factBases as CompiledFactBase];
  const actors: CompiledActor[] = [];
  const aliasEntries: { key: string; value: AliasEntry; lowerStartOk: boolean }[] = [];
  const actorRules: ActorRules[] = [];
  const knownWords = new Set<string>();
  // Actors with the same cues share one cue trie (a drafted pack gives hundreds of actors the same few cues).
  const cueTries = new Map<string, FlatTrie<CueEntry>>();
  let units = 0;
  for (const base of bases) {
    for (const actor of base.actors) {
      units += actor.aliases.length + 1;
      if (units >= STEP_UNITS) {
        units = 0;
        yield;
      }
      const index = actors.length;
      actors.push(actor);
      for (const alias of actor.aliases) {
        const key = foldKey(alias.text);
        if (key.length === 0) continue;
        const entry = aliasEntry(index, alias);
        aliasEntries.push({ key, value: entry, lowerStartOk: lowerStartOk(entry) });
        knownWords.add(key);
      }
      const cueEntries: { key: string; value: CueEntry }[] = [];
      for (const [list, support] of [
        [actor.cues.support, true],
        [actor.cues.contrary, false],
      ] as const) {
        for (const cue of list) {
          const key = foldKey(cue);
          if (key.length === 0) continue;
          cueEntries.push({ key, value: support });
          if (support) knownWords.add(key);
        }
      }
      const givenNames = [...new Set(actor.givenNames.map(foldKey).filter((g) => g.length > 0))].sort(
        (a, b) => b.length - a.length || (a < b ? -1 : 1),
      );
      let cueTrie: FlatTrie<CueEntry> | null = null;
      if (cueEntries.length > 0) {
        const signature = JSON.stringify(cueEntries);
        cueTrie = cueTries.get(signature) ?? buildTrie(cueEntries);
        cueTries.set(signature, cueTrie);
      }
      actorRules.push({
        kind: actor.kind,
        cueTrie,
        givenNames,
        hasContrary: actor.cues.contrary.length > 0,
      });
    }
  }
  return {
    factBases: bases,
    actors,
    registry: createRegistry(bases),
    aliasTrie: yield* buildTrieSteps(aliasEntries),
    actorRules,
    knownWords,
  };
}
