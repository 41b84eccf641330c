// The fact-base page reads right: relations as sentences with both names in place, from both sides, and a
// search that finds facts when no name matches.
import { describe, expect, it } from 'vitest';
import { FACT_BASES } from '../../utils/factbase/generated';
import { relationSentence, relationText } from '../../utils/factbase-page/relation-text';
import { searchActors } from '../../utils/factbase-page/search';

const actors = FACT_BASES.flatMap((fb) => fb.actors);
const nameOf = (id: string) => actors.find((a) => a.id === id)!.name;
const sentencesOf = (id: string) => actors.find((a) => a.id === id)!.related.map((r) => relationSentence(nameOf(id), r.label, nameOf(r.actorId)));

describe('relations on the fact-base page', () => {
  it('puts the other actor where the label wants it', () => {
    expect(sentencesOf('donald-trump')).toContain('Donald Trump called on Russia to stop the violence');
    expect(sentencesOf('russia')).toContain('Russia was called on to stop the violence by Donald Trump');
    expect(sentencesOf('libya')).toContain('Libya has Wagner group operating in it');
    expect(sentencesOf('wagner-group')).toContain('Wagner group supports the forces of Khalifa Haftar');
    expect(sentencesOf('khalifa-haftar')).toContain('Khalifa Haftar has forces supported by Wagner group');
  });

  it('never leaves a name dangling after a label that already had its object', () => {
    for (const actor of actors) {
      for (const r of actor.related) {
        const sentence = relationSentence(actor.name, r.label, nameOf(r.actorId));
        expect(sentence).not.toMatch(/stop the violence (Russia|Syria|Iran)$/);
        expect(sentence).not.toMatch(/\bin it \S/);
      }
    }
  });

  it('leaves labels without a slot as they are', () => {
    expect(relationText('is backed by')).toEqual({ before: 'is backed by', after: '' });
  });
});

describe('the fact-base page search', () => {
  const ids = (q: string) => searchActors(FACT_BASES, q).map((h) => h.actor.id);
  it('finds facts when no name matches: "mercenaries" finds the Wagner group', () => {
    expect(ids('mercenaries')).toContain('wagner-group');
    expect(ids('displaced')).toContain('syrian-observatory-for-human-rights');
  });
  it('lists name matches alone when a name matches', () => {
    expect(ids('erdoğan')).toEqual(['tayyip-erdogan']);
    expect(ids('')).toHaveLength(actors.length);
    expect(ids('zzzz-nothing')).toEqual([]);
  });
});
