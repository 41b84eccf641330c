import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateSpec } from '../../utils/factbase/validate';
import { foldAlias, normalizeForQuote, quoteFinder } from '../../utils/factbase/checks';
import { buildFactBases } from '../../utils/factbase/node-build';
import { FACT_BASE } from '../../utils/factbase/generated/idlib-2019';
import { FACT_BASES } from '../../utils/factbase/generated/index';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ARTICLE = readFileSync(join(root, 'assets/articles/idlib-2019.txt'), 'utf8');
const SPEC = JSON.parse(readFileSync(join(root, 'assets/factbase/idlib-2019.json'), 'utf8')) as Record<string, any>;

const TINY_ARTICLE = `The Russian-backed Wagner group of private military contractors is supporting Khalifa Haftar's forces.
Turkey called for the attacks to "come to an end immediately," said a spokesman.`;

/** A small sound spec; each test breaks one thing in a fresh copy. */
function tinySpec(): Record<string, any> {
  return {
    source: {
      id: 'tiny',
      title: 'Tiny',
      period: 'late December 2019',
      file: 'assets/articles/tiny.txt',
      note: 'Test only.',
    },
    actors: [
      {
        id: 'wagner-group',
        name: 'Wagner group',
        kind: 'organisation',
        identity: 'Private military contractors',
        identityQuote: 'Wagner group of private military contractors',
        aliases: [
          { text: 'Wagner group', caseRule: 'any' },
          { text: 'Wagner', caseRule: 'proper', ambiguous: true },
        ],
        cues: { support: ['Mercenaries'], contrary: ['opera'] },
        facts: [
          { text: 'Backed by Russia.', quote: 'The Russian-backed Wagner group', actors: [] },
          { text: 'Supports Haftar.', quote: "supporting Khalifa Haftar's forces", actors: ['khalifa-haftar'] },
        ],
      },
      {
        id: 'khalifa-haftar',
        name: 'Khalifa Haftar',
        kind: 'person',
        identity: 'Commander',
        identityQuote: "Khalifa Haftar's forces",
        aliases: [{ text: 'Haftar', caseRule: 'proper', surname: true }],
        givenNames: ['Khalifa'],
        facts: [{ text: 'Has forces.', quote: "Khalifa Haftar's forces" }],
      },
      {
        id: 'turkey',
        name: 'Turkey',
        kind: 'state',
        identity: 'A state',
        identityQuote: 'Turkey called for the attacks',
        aliases: [{ text: 'Turkey', caseRule: 'proper' }],
        facts: [{ text: 'Wants an end.', quote: 'Turkey called for the attacks to "come to an end immediately,"' }],
      },
    ],
    relations: [
      {
        from: 'wagner-group',
        to: 'khalifa-haftar',
        label: 'supports the forces of',
        reverseLabel: 'has forces supported by',
        quote: "supporting Khalifa Haftar's forces",
      },
    ],
  };
}

function errorsOf(spec: unknown, article = TINY_ARTICLE): string[] {
  const result = validateSpec(spec, article);
  if (result.ok) throw new Error('expected the spec to be rejected');
  return result.errors;
}

describe('validateSpec on a small spec', () => {
  it('accepts a sound spec and compiles it', () => {
    const result = validateSpec(tinySpec(), TINY_ARTICLE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [wagner, haftar] = result.factBase.actors;
    expect(wagner?.facts.map((f) => f.id)).toEqual(['wagner-group/0', 'wagner-group/1']);
    expect(wagner?.facts[1]?.actors).toEqual(['wagner-group', 'khalifa-haftar']);
    expect(wagner?.cues.support).toEqual(['mercenaries']);
    // One relation in the spec, on both actors, each with its own side's label.
    expect(wagner?.related).toEqual([
      { actorId: 'khalifa-haftar', label: 'supports the forces of', quote: "supporting Khalifa Haftar's forces" },
    ]);
    expect(haftar?.related).toEqual([
      { actorId: 'wagner-group', label: 'has forces supported by', quote: "supporting Khalifa Haftar's forces" },
    ]);
    expect(haftar?.aliases[0]).toEqual({ text: 'Haftar', caseRule: 'proper', ambiguous: false, surname: true });
  });

  it('names a broken fact quote by actor id and index', () => {
    const spec = tinySpec();
    spec.actors[0].facts[1].quote = "supporting Khalifa Haftar's army";
    expect(errorsOf(spec)).toEqual(['actors[wagner-group].facts[1].quote: not found in the article']);
  });

  it('checks identity and relation quotes too', () => {
    const spec = tinySpec();
    spec.actors[2].identityQuote = 'Turkey demanded';
    spec.relations[0].quote = 'supports Haftar';
    expect(errorsOf(spec)).toEqual([
      'actors[turkey].identityQuote: not found in the article',
      'relations[0].quote: not found in the article',
    ]);
  });

  it('reports an unknown actor in a fact and in a relation', () => {
    const spec = tinySpec();
    spec.actors[1].facts[0].actors = ['libya'];
    spec.relations[0].to = 'haftar';
    expect(errorsOf(spec)).toEqual([
      'actors[khalifa-haftar].facts[0].actors[0]: unknown actor "libya"',
      'relations[0].to: unknown actor "haftar"',
    ]);
  });

  it('reports a duplicate actor id by index', () => {
    const spec = tinySpec();
    spec.actors[2].id = 'wagner-group';
    spec.actors[2].aliases = [{ text: 'Ankara', caseRule: 'proper' }];
    expect(errorsOf(spec)).toContain('actors[2].id: duplicate id "wagner-group" (first used by actors[0])');
  });

  it('refuses an alias shared by two actors unless both mark it ambiguous', () => {
    const spec = tinySpec();
    // Folded comparison: diacritics and case do not make a different name.
    spec.actors[2].aliases.push({ text: 'HÁFTAR', caseRule: 'exact' });
    expect(errorsOf(spec)).toEqual([
      'actors[turkey].aliases[1].text: alias "HÁFTAR" also belongs to actors[khalifa-haftar] (aliases[0]); ' +
        'mark it ambiguous on both actors or keep it on one',
    ]);
    spec.actors[2].aliases[1].ambiguous = true;
    expect(errorsOf(spec)).toHaveLength(1); // still refused: Haftar's own alias is not ambiguous
    spec.actors[1].aliases[0].ambiguous = true;
    expect(validateSpec(spec, TINY_ARTICLE).ok).toBe(true);
  });

  it('refuses the same alias twice in one actor', () => {
    const spec = tinySpec();
    spec.actors[2].aliases.push({ text: 'Turkey', caseRule: 'any' });
    expect(errorsOf(spec)).toEqual([
      'actors[turkey].aliases[1].text: alias "Turkey" is listed twice (also aliases[0])',
    ]);
  });

  it('refuses a relation pair recorded twice, in either direction', () => {
    const spec = tinySpec();
    spec.relations.push({ ...spec.relations[0], from: 'khalifa-haftar', to: 'wagner-group' });
    expect(errorsOf(spec)).toEqual([
      'relations[1]: the pair khalifa-haftar / wagner-group is already recorded at relations[0]',
    ]);
  });

  it('refuses a relation of an actor to itself', () => {
    const spec = tinySpec();
    spec.relations[0].to = 'wagner-group';
    expect(errorsOf(spec)).toContain('relations[0].to: an actor cannot be related to itself');
  });

  it('refuses an actor without facts', () => {
    const spec = tinySpec();
    spec.actors[2].facts = [];
    expect(errorsOf(spec)).toEqual(['actors[turkey].facts: an actor needs at least one fact']);
  });

  it('turns zod issues into the same path style: missing field, wrong kind, unknown key', () => {
    const spec = tinySpec();
    delete spec.actors[1].identity;
    spec.actors[2].kind = 'country';
    spec.actors[0].facts[0].source = 'somewhere';
    spec.actors[0].aliases[1].caseRule = 'lower';
    const errors = errorsOf(spec);
    expect(errors).toHaveLength(4);
    expect(errors.find((e) => e.startsWith('actors[khalifa-haftar].identity: '))).toBeDefined();
    expect(errors.find((e) => e.startsWith('actors[turkey].kind: '))).toMatch(/person/);
    expect(errors.find((e) => e.startsWith('actors[wagner-group].facts[0]: '))).toMatch(/source/);
    expect(errors.find((e) => e.startsWith('actors[wagner-group].aliases[1].caseRule: '))).toBeDefined();
  });

  it('falls back to indices in zod paths when the actor has no usable id', () => {
    const spec = tinySpec();
    spec.actors[1].id = 42;
    expect(errorsOf(spec)).toEqual([expect.stringMatching(/^actors\[1\]\.id: /)]);
  });

  it('rejects input that is not an object at all', () => {
    expect(errorsOf('nonsense')).toEqual([expect.stringMatching(/^\(root\): /)]);
  });
});

describe('quote matching', () => {
  const found = quoteFinder('He said: "Don\'t do it!"\n\nThen   the  talks\tbegan.');

  it('ignores whitespace differences and quote-mark style', () => {
    expect(found('\u201CDon\u2019t do it!\u201D')).toBe(true);
    expect(found('Then the talks began.')).toBe(true);
    expect(found('it!" Then the\ntalks')).toBe(true);
  });

  it('ignores nothing else', () => {
    expect(found('"Do not do it!"')).toBe(false);
    expect(found('then the talks began.')).toBe(false);
    expect(found('Then the talks began!')).toBe(false);
    expect(found('   ')).toBe(false);
  });

  it('normalises curly quotes both ways', () => {
    expect(normalizeForQuote('\u2018a\u2019 \u201Eb\u201F')).toBe('\'a\' "b"');
  });

  it('folds aliases by case and diacritics, including the Turkish dotless and dotted i', () => {
    expect(foldAlias('İbrahim Kalın')).toBe(foldAlias('Ibrahim Kalin'));
    expect(foldAlias('Erdoğan')).toBe('erdogan');
    expect(foldAlias('Türkiye')).toBe('turkiye');
    expect(foldAlias('Wagner')).not.toBe(foldAlias('Wagner group'));
  });
});

describe('the real spec (assets/factbase/idlib-2019.json)', () => {
  const result = validateSpec(SPEC, ARTICLE);

  it('validates', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('quotes the article for every fact, identity and relation', () => {
    const found = quoteFinder(ARTICLE);
    const quotes: string[] = [
      ...SPEC.actors.flatMap((a: any) => [a.identityQuote, ...a.facts.map((f: any) => f.quote)]),
      ...SPEC.relations.map((r: any) => r.quote),
      SPEC.source.titleQuote,
    ];
    expect(quotes.length).toBeGreaterThan(60);
    expect(quotes.filter((q) => !found(q))).toEqual([]);
  });

  it('has every actor the issue lists, each with a fact', () => {
    const expected = [
      'donald-trump', 'russia', 'syria', 'iran', 'idlib', 'syrian-observatory-for-human-rights', 'turkey',
      'ibrahim-kalin', 'tayyip-erdogan', 'international-rescue-committee', 'libya', 'wagner-group',
      'khalifa-haftar', 'united-nations', 'august-ceasefire',
    ];
    const byId = new Map(FACT_BASE.actors.map((a) => [a.id, a]));
    for (const id of expected) {
      expect(byId.get(id)?.facts.length ?? 0, id).toBeGreaterThan(0);
    }
    expect(byId.get('august-ceasefire')?.kind).toBe('event');
    expect(byId.get('idlib')?.kind).toBe('place');
  });

  it('carries the names real pages use, the metonyms and the demonyms', () => {
    const aliasesOf = (id: string) => FACT_BASE.actors.find((a) => a.id === id)?.aliases.map((a) => a.text) ?? [];
    expect(aliasesOf('tayyip-erdogan')).toEqual(expect.arrayContaining(['Recep Tayyip Erdoğan', 'Erdogan']));
    expect(aliasesOf('ibrahim-kalin')).toEqual(expect.arrayContaining(['İbrahim Kalın', 'Kalin']));
    expect(aliasesOf('wagner-group')).toEqual(expect.arrayContaining(['PMC Wagner', 'Wagner']));
    expect(aliasesOf('khalifa-haftar')).toEqual(expect.arrayContaining(['Hafter', 'Khalifa Belqasim Haftar']));
    expect(aliasesOf('russia')).toEqual(expect.arrayContaining(['Moscow', 'Russian']));
    expect(aliasesOf('syria')).toEqual(expect.arrayContaining(['Damascus', 'Syrian', 'Assad government', 'regime']));
    expect(aliasesOf('iran')).toEqual(expect.arrayContaining(['Tehran', 'Iranian']));
    expect(aliasesOf('turkey')).toEqual(expect.arrayContaining(['Ankara', 'Turkish', 'Türkiye']));
    const un = FACT_BASE.actors.find((a) => a.id === 'united-nations')?.aliases.find((a) => a.text === 'UN');
    expect(un?.caseRule).toBe('exact');
    const wagner = FACT_BASE.actors.find((a) => a.id === 'wagner-group');
    expect(wagner?.aliases.find((a) => a.text === 'Wagner')?.ambiguous).toBe(true);
    expect(wagner?.cues.contrary).toEqual(expect.arrayContaining(['richard', 'opera', 'composer']));
    expect(FACT_BASE.actors.find((a) => a.id === 'turkey')?.cues.contrary).toContain('recipe');
  });

  it('covers the article figures', () => {
    const figures = FACT_BASE.actors.flatMap((a) => a.facts.flatMap((f) => f.figures));
    for (const figure of ['Nearly 80 civilians', 'more than 40,000 people', 'an additional half a million people', 'over a million']) {
      expect(figures).toContain(figure);
    }
  });

  it('shows each relation on both of its actors', () => {
    const wagner = FACT_BASE.actors.find((a) => a.id === 'wagner-group');
    const haftar = FACT_BASE.actors.find((a) => a.id === 'khalifa-haftar');
    expect(wagner?.related.some((r) => r.actorId === 'khalifa-haftar')).toBe(true);
    expect(haftar?.related.some((r) => r.actorId === 'wagner-group')).toBe(true);
    const total = FACT_BASE.actors.reduce((n, a) => n + a.related.length, 0);
    expect(total).toBe(2 * SPEC.relations.length);
  });

  it('keeps the article text out of the generated module', () => {
    expect(FACT_BASE.source.text).toBeUndefined();
    expect(FACT_BASE.source.id).toBe('idlib-2019');
    expect(FACT_BASES.map((fb) => fb.source.id)).toContain('idlib-2019');
  });
});

describe('the generated modules', () => {
  it('are up to date with the spec (run `npm run factbase` if not)', () => {
    const build = buildFactBases(root);
    expect(build.errors).toEqual([]);
    expect(build.outputs.map((o) => o.path)).toContain('utils/factbase/generated/idlib-2019.ts');
    for (const output of build.outputs) {
      expect(readFileSync(join(root, output.path), 'utf8'), output.path).toBe(output.content);
    }
  });

  it('match the compiled spec exactly', () => {
    const result = validateSpec(SPEC, ARTICLE);
    expect(result.ok && result.factBase).toEqual(FACT_BASE);
  });
});
