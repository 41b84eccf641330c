// Issue 16, point 5: bidi embeddings, overrides and isolates are refused in every shown pack string, each
// with its path; marks (LRM, RLM, ALM) and Arabic text pass.
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../utils/factbase/pack';

function pack(over: { name?: string; alias?: string; quote?: string; title?: string; identity?: string } = {}) {
  const quote = over.quote ?? 'the council met';
  return {
    formatVersion: 1,
    source: { id: 'bidi', title: over.title ?? 'A title', period: '2030', file: 'x.txt', note: 'n', text: `Then ${quote} at dawn.` },
    actors: [
      {
        id: 'council',
        name: over.name ?? 'Council',
        kind: 'organisation',
        identity: over.identity ?? 'A council',
        identityQuote: quote,
        aliases: [{ text: over.alias ?? 'Council', caseRule: 'proper', ambiguous: false, surname: false }],
        cues: { support: [], contrary: [] },
        givenNames: [],
        facts: [{ id: 'council/0', text: 'It met.', quote, actors: ['council'], figures: [] }],
        related: [],
      },
    ],
  };
}

const errorsOf = (raw: unknown) => {
  const r = validatePack(raw);
  return r.ok ? [] : r.errors;
};

describe('bidi controls in packs', () => {
  it.each([
    ['\u202E', 'RLO override'],
    ['\u202A', 'LRE embedding'],
    ['\u202C', 'PDF'],
    ['\u2066', 'LRI isolate'],
    ['\u2069', 'PDI'],
  ])('refuses %j (%s) in each field, with the path', (ch) => {
    expect(errorsOf(pack({ name: `Coun${ch}cil` }))).toEqual([expect.stringMatching(/^actors\[council\]\.name: holds a bidirectional control/)]);
    expect(errorsOf(pack({ title: `A ${ch}title` }))).toEqual([expect.stringMatching(/^source\.title: holds a bidirectional control/)]);
    expect(errorsOf(pack({ alias: `Coun${ch}cil` }))).toEqual([expect.stringMatching(/^actors\[council\]\.aliases\[0\]\.text: holds a bidirectional control/)]);
    const both = errorsOf(pack({ identity: `A ${ch}council`, name: `${ch}Council` }));
    expect(both).toHaveLength(2);
  });

  it('accepts marks (LRM, RLM, ALM) and an Arabic pack', () => {
    expect(errorsOf(pack({ name: 'Council\u200E', identity: 'A\u200F council\u061C' }))).toEqual([]);
    expect(errorsOf(pack({ name: 'مجلس أتلانتس', alias: 'مجلس', title: 'أتلانتس تنهض', quote: 'اجتمع المجلس مجددا' }))).toEqual([]);
  });
});
