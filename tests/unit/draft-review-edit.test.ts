// The review screen's edits: pure, and each leaves a pack that validatePack accepts.
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../utils/factbase/pack';
import type { CompiledActor, CompiledFactBase } from '../../utils/factbase/types';
import * as edit from '../../utils/draft-review/edit';

const TEXT = 'Ankara and Turkey signed it. Moscow agreed. Russia and Turkey met. The Kremlin spoke.';

function actor(id: string, name: string, aliases: string[], facts: { quote: string; actors?: string[] }[], related: string[] = []): CompiledActor {
  return {
    id,
    name,
    kind: 'state',
    identity: name,
    identityQuote: facts[0]!.quote,
    aliases: aliases.map((text) => ({ text, caseRule: 'proper', ambiguous: false, surname: false })),
    cues: { support: [], contrary: [] },
    givenNames: [],
    facts: facts.map((f, i) => ({ id: `${id}/${i}`, text: f.quote, quote: f.quote, actors: [id, ...(f.actors ?? [])], figures: [] })),
    related: related.map((actorId) => ({ actorId, label: 'is named with', quote: 'Russia and Turkey met.' })),
  };
}

function pack(): CompiledFactBase {
  return {
    formatVersion: 1,
    source: { id: 'draft-x', title: 'X', period: 'undated', file: 'x', note: 'n', text: TEXT },
    actors: [
      actor('turkey', 'Turkey', ['Turkey'], [{ quote: 'Ankara and Turkey signed it.', actors: ['ankara'] }, { quote: 'Russia and Turkey met.', actors: ['russia'] }], ['russia']),
      actor('ankara', 'Ankara', ['Ankara'], [{ quote: 'Ankara and Turkey signed it.', actors: ['turkey'] }]),
      actor('russia', 'Russia', ['Russia', 'Moscow'], [{ quote: 'Moscow agreed.' }, { quote: 'Russia and Turkey met.', actors: ['turkey', 'kremlin'] }], ['turkey', 'kremlin']),
      actor('kremlin', 'Kremlin', ['Kremlin', 'moscow'], [{ quote: 'The Kremlin spoke.' }], ['russia']),
    ],
  };
}

const valid = (p: CompiledFactBase) => {
  const r = validatePack(p);
  expect(r.ok ? [] : r.errors).toEqual([]);
};

describe('draft review edits', () => {
  it('the fixture is a valid pack (alias collision aside: Moscow/moscow are two actors until merged)', () => {
    const r = validatePack(pack());
    expect(r.ok ? [] : r.errors.filter((e) => !e.includes('moscow'))).toEqual([]);
  });

  it('merging moves aliases (once), facts (a shared quote once) and ties; every reference is rewritten', () => {
    const before = pack();
    const merged = edit.mergeActors(before, 'russia', 'kremlin');
    expect(before.actors).toHaveLength(4); // input untouched
    expect(merged.actors.map((a) => a.id)).toEqual(['turkey', 'ankara', 'russia']);
    const russia = merged.actors.find((a) => a.id === 'russia')!;
    expect(russia.aliases.map((a) => a.text)).toEqual(['Russia', 'Moscow', 'Kremlin']); // "moscow" folded into "Moscow"
    expect(russia.facts.map((f) => f.id)).toEqual(['russia/0', 'russia/1', 'russia/2']);
    expect(russia.facts.map((f) => f.quote)).toEqual(['Moscow agreed.', 'Russia and Turkey met.', 'The Kremlin spoke.']);
    expect(russia.facts[1]!.actors).toEqual(['russia', 'turkey']); // kremlin → russia, de-duplicated
    expect(russia.related.map((r) => r.actorId)).toEqual(['turkey']); // no self-tie
    valid(merged);
  });

  it('merging two actors that quote the same sentence keeps it once, with both facts\' actors', () => {
    const merged = edit.mergeActors(pack(), 'turkey', 'ankara');
    const turkey = merged.actors.find((a) => a.id === 'turkey')!;
    expect(turkey.facts.map((f) => f.quote)).toEqual(['Ankara and Turkey signed it.', 'Russia and Turkey met.']);
    expect(turkey.facts[0]!.actors).toEqual(['turkey']);
    expect(turkey.aliases.map((a) => a.text)).toEqual(['Turkey', 'Ankara']);
    const r = validatePack(merged);
    expect(r.ok ? [] : r.errors.filter((e) => !e.includes('moscow'))).toEqual([]);
  });

  it('removing an actor removes every reference to it', () => {
    const p = edit.removeActor(edit.mergeActors(pack(), 'russia', 'kremlin'), 'turkey');
    expect(p.actors.map((a) => a.id)).toEqual(['ankara', 'russia']);
    expect(p.actors.flatMap((a) => a.facts.flatMap((f) => f.actors))).not.toContain('turkey');
    expect(p.actors.flatMap((a) => a.related.map((r) => r.actorId))).not.toContain('turkey');
    valid(p);
  });

  it('renames (blank is ignored), changes a kind, marks an alias ambiguous, removes an alias or a fact', () => {
    let p = edit.mergeActors(pack(), 'russia', 'kremlin');
    p = edit.renameActor(p, 'russia', '  Russian   Federation ');
    p = edit.renameActor(p, 'russia', '   ');
    p = edit.setKind(p, 'ankara', 'place');
    p = edit.setAliasAmbiguous(p, 'russia', 1, true);
    p = edit.removeAlias(p, 'russia', 2);
    p = edit.removeFact(p, 'russia', 'russia/0');
    const russia = p.actors.find((a) => a.id === 'russia')!;
    expect(russia.name).toBe('Russian Federation');
    expect(p.actors.find((a) => a.id === 'ankara')!.kind).toBe('place');
    expect(russia.aliases).toEqual([
      { text: 'Russia', caseRule: 'proper', ambiguous: false, surname: false },
      { text: 'Moscow', caseRule: 'proper', ambiguous: true, surname: false },
    ]);
    expect(russia.facts.map((f) => f.id)).toEqual(['russia/1', 'russia/2']);
    valid(p);
  });

  it('keeps an actor\'s last alias; an actor left without facts is what validation names', () => {
    let p = edit.removeAlias(pack(), 'ankara', 0);
    expect(p.actors.find((a) => a.id === 'ankara')!.aliases).toHaveLength(1);
    p = edit.removeFact(p, 'ankara', 'ankara/0');
    const r = validatePack(p);
    expect(r.ok ? [] : r.errors).toContain('actors[ankara].facts: an actor needs at least one fact');
  });

  it('merging an actor into itself or an unknown one changes nothing', () => {
    const p = pack();
    expect(edit.mergeActors(p, 'russia', 'russia')).toBe(p);
    expect(edit.mergeActors(p, 'russia', 'nobody')).toBe(p);
  });

  it('finds a free pack id', () => {
    expect(edit.freePackId('draft-a', new Set())).toBe('draft-a');
    expect(edit.freePackId('draft-a', new Set(['draft-a', 'draft-a-2']))).toBe('draft-a-3');
  });
});
