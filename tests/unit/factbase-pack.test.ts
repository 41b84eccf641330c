import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validatePack } from '../../utils/factbase/pack';
import { FACT_BASE } from '../../utils/factbase/generated/idlib-2019';

const ARTICLE = readFileSync(fileURLToPath(new URL('../../assets/articles/idlib-2019.txt', import.meta.url)), 'utf8');

/** The built-in pack as a researcher would export it: a deep copy, with the article text. */
function packWithText(): any {
  return structuredClone({ ...FACT_BASE, source: { ...FACT_BASE.source, text: ARTICLE } });
}

function errorsOf(raw: unknown): string[] {
  const result = validatePack(raw);
  if (result.ok) throw new Error('expected the pack to be rejected');
  return result.errors;
}

describe('validatePack', () => {
  it('accepts the built-in pack, with or without its article text', () => {
    const withText = validatePack(packWithText());
    expect(withText.ok ? [] : withText.errors).toEqual([]);
    expect(withText.ok && withText.factBase.source.text).toBe(ARTICLE);
    const withoutText = validatePack(structuredClone(FACT_BASE));
    expect(withoutText.ok && withoutText.factBase.actors.length).toBe(FACT_BASE.actors.length);
  });

  it('checks quotes against source.text and names the fault by actor id', () => {
    const pack = packWithText();
    const wagner = pack.actors.findIndex((a: any) => a.id === 'wagner-group');
    pack.actors[wagner].facts[1].quote = 'Wagner group of volunteers';
    pack.actors[wagner].related[0].quote = 'not in the article either';
    expect(errorsOf(pack)).toEqual([
      'actors[wagner-group].facts[1].quote: not found in the article',
      'actors[wagner-group].related[0].quote: not found in the article',
    ]);
  });

  it('does not check quotes when the pack carries no text', () => {
    const pack = structuredClone(FACT_BASE) as any;
    pack.actors[0].facts[0].quote = 'anything at all';
    expect(validatePack(pack).ok).toBe(true);
  });

  it('reports malformed packs with paths', () => {
    const pack = packWithText();
    pack.formatVersion = 2;
    delete pack.actors[0].name;
    pack.actors[1].kind = 'country';
    pack.actors[2].aliases[0].extra = true;
    pack.actors[3].facts = 'none';
    const errors = errorsOf(pack);
    expect(errors).toHaveLength(5);
    expect(errors.some((e) => e.startsWith('formatVersion: '))).toBe(true);
    expect(errors.some((e) => e.startsWith('actors[donald-trump].name: '))).toBe(true);
    expect(errors.some((e) => e.startsWith('actors[russia].kind: '))).toBe(true);
    expect(errors.some((e) => e.startsWith('actors[syria].aliases[0]: ') && e.includes('extra'))).toBe(true);
    expect(errors.some((e) => e.startsWith('actors[iran].facts: '))).toBe(true);
    expect(errorsOf(null)).toEqual([expect.stringMatching(/^\(root\): /)]);
  });

  it('checks references between actors', () => {
    const pack = packWithText();
    pack.actors[0].facts[0].actors = ['libya', 'atlantis'];
    pack.actors[0].related[0].actorId = 'nobody';
    expect(errorsOf(pack)).toEqual([
      'actors[donald-trump].facts[0].actors[0]: must be the owner "donald-trump"',
      'actors[donald-trump].facts[0].actors[1]: unknown actor "atlantis"',
      'actors[donald-trump].related[0].actorId: unknown actor "nobody"',
    ]);
  });

  it('refuses duplicate ids, duplicate fact ids, shared aliases and actors without facts', () => {
    const pack = packWithText();
    pack.actors[2].facts[0].id = pack.actors[1].facts[0].id;
    pack.actors[3].aliases.push({ text: 'MOSCOW', caseRule: 'exact', ambiguous: false, surname: false });
    pack.actors[4].facts = [];
    pack.actors.push({ ...structuredClone(pack.actors[5]), aliases: [{ text: 'Zzz', caseRule: 'proper', ambiguous: false, surname: false }] });
    const last = pack.actors.length - 1;
    for (const fact of pack.actors[last].facts) fact.id = `${fact.id}-copy`;
    const errors = errorsOf(pack);
    expect(errors).toContain(`actors[${last}].id: duplicate id "${pack.actors[5].id}" (first used by actors[5])`);
    expect(errors).toContain('actors[syria].facts[0].id: duplicate fact id "russia/0" (also actors[russia].facts[0])');
    expect(errors).toContain('actors[idlib].facts: an actor needs at least one fact');
    expect(errors.some((e) => e.startsWith('actors[iran].aliases[') && e.includes('"MOSCOW" also belongs to actors[russia]'))).toBe(true);
  });
});
