// The matcher's ready form (utils/engine/ready.ts): hydrated, it is the matcher a fresh compile gives (deep-equal,
// and the same mentions), in both of its forms; a form that does not hold together is refused (null), never
// thrown on and never walked; and a frame's list of bases comes with its ready matcher, which the engine then
// uses instead of compiling (utils/packs/frame-data.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher, compileMatcherInSlices, findMentions, type Matcher } from '../../utils/engine';
import { matcherFromWire, matcherToWire, type MatcherWire } from '../../utils/engine/ready';
import { completeValues } from '../../utils/engine/trie';
import { FACT_BASES } from '../../utils/factbase/generated';
import { BUILT_IN_BASES, BUILT_IN_MATCHER, BUILT_IN_STAMP } from '../../utils/factbase/generated/match';
import { aliasCount, leanFactBase, leanFromWire, leanToWire, plainActor } from '../../utils/factbase/lean';
import type { CompiledActor, CompiledFactBase } from '../../utils/factbase/types';
import { frameRecord, readFrameRecord } from '../../utils/packs/compiled';
import { frameBases } from '../../utils/packs/frame-data';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTICLE = readFileSync(path.join(ROOT, 'assets/articles/idlib-2019.txt'), 'utf8');
const TEXTS_DIR = path.join(ROOT, 'tests/fixtures/texts');
const TEXTS = readdirSync(TEXTS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(TEXTS_DIR, f), 'utf8'));

/**
 * The matcher without its registry (an object of closures: compared through its bases instead), its trie's
 * values all made (a hydrated trie makes them as walks reach them) and its known words as the answers to
 * `probes` (a hydrated big matcher asks its trie: there is no set to compare).
 */
const comparable = (m: Matcher, probes: readonly string[] = []) => ({
  ...m,
  aliasTrie: { ...completeValues(m.aliasTrie) },
  registry: m.registry.bases,
  knownWords: probes.filter((w) => m.knownWords.has(w)),
});

/** Words to ask a matcher's knownWords: every word the fresh compile knows, their prefixes, words it does not. */
const probesOf = (m: Matcher) => {
  const known = [...(m.knownWords as Set<string>)];
  return [...known, ...known.map((w) => w.slice(0, -1)), ...known.map((w) => `${w}s`), 'nobody', 'opera', ''];
};

/**
 * A big pack with every shape the form must carry: diacritics, non-Latin scripts, acronyms, surnames, ambiguous
 * aliases, an alias with no key, shared and own cues, given names, and a root with over 255 children.
 */
function bigPack(actors: number): CompiledFactBase {
  const list: CompiledActor[] = [];
  const syllables = ['ka', 'lı', 'mo', 'ğa', 'zé', 'ro', 'ün', 'vi', 'Ša', 'qu'];
  for (let i = 0; i < actors; i++) {
    const word = (n: number) => syllables[n % 10]! + syllables[Math.floor(n / 10) % 10]! + syllables[Math.floor(n / 100) % 10]!;
    const name = word(i).charAt(0).toUpperCase() + word(i).slice(1);
    list.push({
      id: `actor-${i}`,
      name,
      kind: (['person', 'place', 'state', 'organisation', 'event'] as const)[i % 5]!,
      identity: '',
      identityQuote: '',
      aliases: [
        { text: `${name} ${word(i + 7)}`, caseRule: 'proper', ambiguous: false, surname: false },
        { text: name, caseRule: 'proper', ambiguous: i % 3 === 0, surname: i % 2 === 0 },
        { text: `${String.fromCharCode(0x4e00 + i)}${String.fromCharCode(0x4e00 + ((i * 7) % 400))}`, caseRule: 'any', ambiguous: false, surname: false },
        { text: `X${word(i).toUpperCase()}`, caseRule: 'exact', ambiguous: false, surname: false },
        ...(i === 5 ? [{ text: '\u00ad', caseRule: 'any' as const, ambiguous: false, surname: false }] : []),
      ],
      cues: i % 4 === 0 ? { support: [`cue ${i}`, 'shared'], contrary: ['opera'] } : { support: ['shared'], contrary: [] },
      givenNames: i % 2 === 0 ? ['Mr', `Given${i}`] : [],
      ...(i % 9 === 0 ? { peripheral: true } : {}),
      facts: [],
      related: [],
    });
  }
  return { formatVersion: 1, source: { id: 'big', title: 'Big', period: '', file: '', note: '' }, actors: list };
}

const SETS: [string, CompiledFactBase[]][] = [
  ['the built-in bases', FACT_BASES],
  ['the built-in bases, lean', FACT_BASES.map(leanFactBase)],
  ['the built-in bases and a pack of 1,200 actors', [...FACT_BASES, bigPack(1200)]],
];

describe('the ready form of a matcher', () => {
  for (const [label, bases] of SETS) {
    it(`hydrates to the matcher a fresh compile gives: ${label}`, () => {
      const fresh = compileMatcher(bases);
      // Through JSON, as it is stored and shipped.
      const wire = JSON.parse(JSON.stringify(matcherToWire(fresh))) as MatcherWire;
      const hydrated = matcherFromWire(bases, wire);
      expect(hydrated).not.toBeNull();
      // node's deep equality: vitest's toEqual takes minutes over a trie of this size.
      const probes = probesOf(fresh);
      expect(isDeepStrictEqual(comparable(hydrated!, probes), comparable(fresh, probes))).toBe(true);
    });
  }

  it("makes an alias's entry only when a walk reaches its key, and finds what a compile finds", () => {
    const bases = [...FACT_BASES, bigPack(1200)];
    const fresh = compileMatcher(bases);
    const hydrated = matcherFromWire(bases, JSON.parse(JSON.stringify(matcherToWire(fresh))) as MatcherWire)!;
    const made = () => hydrated.aliasTrie.values.filter((list) => list !== undefined).length;
    expect(made()).toBe(0);
    const packAlias = bases[1]!.actors[42]!.aliases[0]!.text;
    for (const block of [...ARTICLE.split(/\n\s*\n/), `They met ${packAlias} in the town.`]) {
      expect(findMentions(block, hydrated)).toEqual(findMentions(block, fresh));
    }
    expect(findMentions(`They met ${packAlias} in the town.`, hydrated).map((m) => m.actorId)).toEqual(['actor-42']);
    expect(made()).toBeGreaterThan(0);
    expect(made()).toBeLessThan(hydrated.aliasTrie.values.length / 10);
    for (const word of probesOf(fresh)) expect(hydrated.knownWords.has(word), word).toBe(fresh.knownWords.has(word));
  });

  it('exercises a root of more than 255 children and an alias with no key', () => {
    const m = compileMatcher([bigPack(1200)]);
    expect(m.aliasTrie.edgeCount[0]).toBeGreaterThan(255);
    expect(matcherToWire(m).trie!.wide.length).toBeGreaterThan(0);
    expect(m.aliasTrie.values.flat().some((e) => e.alias.text === '\u00ad')).toBe(false);
  });

  it('is what the build ships for the built-in bases: the same matcher, the same mentions as the full bases', () => {
    const hydrated = matcherFromWire(BUILT_IN_BASES, BUILT_IN_MATCHER)!;
    expect(comparable(hydrated)).toEqual(comparable(compileMatcher(BUILT_IN_BASES)));
    const full = compileMatcher(FACT_BASES);
    let mentions = 0;
    for (const text of [ARTICLE, ...TEXTS]) {
      for (const block of text.split(/\n\s*\n/)) {
        const expected = findMentions(block, full);
        mentions += expected.length;
        expect(findMentions(block, hydrated)).toEqual(expected);
      }
    }
    expect(mentions).toBeGreaterThan(100);
  });

  it('is refused, never thrown on, when it does not hold together or was made for other bases', () => {
    const bases = [...FACT_BASES, bigPack(300)];
    const good = matcherToWire(compileMatcher(bases));
    const b64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));
    const bad: [string, MatcherWire][] = [
      ['another version', { ...good, v: 3 as 4 }],
      ['other bases', { ...good, actors: good.actors + 1 }],
      ['fewer aliases', { ...good, aliases: good.aliases - 1 }],
      ['no trie', { ...good, trie: null as unknown as MatcherWire['trie'] }],
      ['codes cut short', { ...good, trie: { ...good.trie, codes: good.trie.codes.slice(0, 40) } }],
      ['not base64', { ...good, trie: { ...good.trie, counts: '%%%' } }],
      ['counts that do not add up', { ...good, trie: { ...good.trie, n: 3, counts: b64([1, 1, 1]), codes: b64([97, 0, 98, 0]), ends: b64([4]) } }],
      ['an edge that leads back', { ...good, trie: { ...good.trie, n: 3, counts: b64([1, 0, 1]), codes: b64([97, 0, 98, 0]), ends: b64([4]) } }],
      // The root marked as a key's end: one key more than the slots give aliases to.
      ['a key with no alias', { ...good, trie: { ...good.trie, ends: btoa(String.fromCharCode(atob(good.trie.ends).charCodeAt(0) | 1) + atob(good.trie.ends).slice(1)) } }],
      ['a slot out of range', { ...good, slots: btoa(atob(good.slots).slice(0, -4) + '\u00ff\u00ff\u00ff\u007f') }],
      ['a cue trie that is not there', { ...good, cueOf: good.cueOf.map((c) => (c >= 0 ? 999 : c)) }],
      ['a cue key with no value', { ...good, cues: [{ ...good.cues[0]!, values: '' }, ...good.cues.slice(1)] }],
      ['a cue value neither support nor contrary', { ...good, cues: [{ ...good.cues[0]!, values: good.cues[0]!.values.replace(/[sc]/, 'x') }, ...good.cues.slice(1)] }],
      ['a cue trie that does not hold together', { ...good, cues: [{ ...good.cues[0]!, trie: { ...good.cues[0]!.trie, n: 2 } }, ...good.cues.slice(1)] }],
      ['not an object', null as unknown as MatcherWire],
    ];
    for (const [why, wire] of bad) {
      expect(() => matcherFromWire(bases, wire), why).not.toThrow();
      expect(matcherFromWire(bases, wire), why).toBeNull();
    }
  });
});

describe('the lean form of a fact base', () => {
  // A base read from the wire holds WireActors (aliases made when first read); compared field by field.
  const plain = (base: CompiledFactBase | null) => base && { ...base, actors: base.actors.map(plainActor) };
  it('keeps what frames match and name, and nothing of the facts', () => {
    for (const base of [...FACT_BASES, bigPack(50)]) {
      const lean = leanFactBase(base);
      expect(plain(leanFromWire(JSON.parse(JSON.stringify(leanToWire(base)))))).toEqual(lean);
      expect(lean.actors.every((a) => a.facts.length === 0 && a.related.length === 0 && a.identity === '')).toBe(true);
      expect(lean.actors.map((a) => [a.id, a.name, a.kind, a.aliases, a.cues, a.givenNames, a.peripheral])).toEqual(
        base.actors.map((a) => [a.id, a.name, a.kind, a.aliases, a.cues, a.givenNames, a.peripheral]),
      );
    }
    expect(JSON.stringify(leanToWire(FACT_BASES[0]!)).length).toBeLessThan(JSON.stringify(FACT_BASES[0]).length / 4);
  });

  it("counts an actor's aliases from the wire form, and keeps texts that hold a line feed or are empty", () => {
    const base = bigPack(3);
    const odd: CompiledFactBase = {
      ...base,
      actors: [{ ...base.actors[0]!, aliases: [{ text: 'two\nlines', caseRule: 'any', ambiguous: false, surname: false }] },
        { ...base.actors[1]!, aliases: [{ text: '', caseRule: 'any', ambiguous: false, surname: false }] }, base.actors[2]!],
    };
    for (const pack of [base, odd]) {
      const read = leanFromWire(JSON.parse(JSON.stringify(leanToWire(pack))))!;
      expect(read.actors.map(aliasCount)).toEqual(pack.actors.map((a) => a.aliases.length));
      expect(plain(read)).toEqual(leanFactBase(pack));
    }
    expect(typeof leanToWire(base).actors[0]![3]).toBe('string');
    expect(Array.isArray(leanToWire(odd).actors[0]![3])).toBe(true);
  });

  it('refuses wire forms of another shape', () => {
    const actor = leanToWire(FACT_BASES[0]!).actors[0]!;
    const source = FACT_BASES[0]!.source;
    for (const bad of [null, [], { source }, { source: 3, actors: [] }, { source, actors: [[...actor].slice(1)] },
      { source, actors: [[actor[0], actor[1], 'planet', ...actor.slice(3)]] },
      { source, actors: [[...actor.slice(0, 4), `${actor[4]}a`, ...actor.slice(5)]] },
      { source, actors: [[...actor.slice(0, 4), '~'.repeat(actor[3].length), ...actor.slice(5)]] }]) {
      expect(leanFromWire(bad)).toBeNull();
    }
  });
});

describe("a frame's bases and their ready matcher", () => {
  const pack = bigPack(40);
  /** The same shape as `pack`, other words: a matcher hydrated from its form finds these, not pack's. */
  const twin: CompiledFactBase = {
    ...pack,
    actors: pack.actors.map((a) => ({ ...a, aliases: a.aliases.map((al, k) => (k === 1 ? { ...al, text: `Zyx${a.id.slice(6)}q` } : al)) })),
  };
  const pause = () => Promise.resolve();

  it("hydrates the background's matcher for the bases in force instead of compiling", async () => {
    const wire = matcherToWire(compileMatcher([...BUILT_IN_BASES, leanFactBase(twin)]));
    const record = readFrameRecord(frameRecord(BUILT_IN_STAMP, [pack], { ids: ['idlib-2019', 'big'], matcher: wire }), BUILT_IN_STAMP);
    const bases = frameBases(record, []);
    const matcher = await compileMatcherInSlices(bases, pause);
    expect(findMentions('Here is Zyx4q.', matcher).map((m) => m.actorId)).toEqual(['actor-4']);
    // A copy of the same list has no ready matcher: it compiles, and finds the pack's own words.
    const compiled = await compileMatcherInSlices([...bases], pause);
    expect(findMentions('Here is Zyx4q.', compiled)).toEqual([]);
  });

  it('compiles when the record was made for other bases in force, or its matcher does not hold together', async () => {
    const wire = matcherToWire(compileMatcher([...BUILT_IN_BASES, leanFactBase(twin)]));
    const stale = readFrameRecord(frameRecord(BUILT_IN_STAMP, [pack], { ids: ['idlib-2019', 'big'], matcher: wire }), BUILT_IN_STAMP);
    // The built-in base turned off since: the record's matcher is not for these bases.
    const bases = frameBases(stale, ['idlib-2019']);
    expect(bases.map((b) => b.source.id)).toEqual(['big']);
    expect(isDeepStrictEqual(comparable(await compileMatcherInSlices(bases, pause)), comparable(compileMatcher(bases)))).toBe(true);
    const broken = readFrameRecord(
      frameRecord(BUILT_IN_STAMP, [pack], { ids: ['idlib-2019', 'big'], matcher: { ...wire, slots: wire.slots.slice(8) } }),
      BUILT_IN_STAMP,
    );
    const inForce = frameBases(broken, []);
    expect(isDeepStrictEqual(comparable(await compileMatcherInSlices(inForce, pause)), comparable(compileMatcher(inForce)))).toBe(true);
  });

  it('gives the built-in bases their shipped matcher when no pack is in force', async () => {
    const bases = frameBases({ packs: [], ready: null }, []);
    expect(bases).toEqual(BUILT_IN_BASES);
    expect(comparable(await compileMatcherInSlices(bases, pause))).toEqual(comparable(compileMatcher(BUILT_IN_BASES)));
  });
});
