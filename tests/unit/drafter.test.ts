import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validatePack } from '../../utils/factbase/pack';
import { comparePacks } from '../../utils/drafter/compare';
import { draftPack, MAX_DRAFT_CHARS } from '../../utils/drafter/draft';
import type { CompiledFactBase } from '../../utils/factbase/types';

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
const SEED = read('../../assets/articles/idlib-2019.txt');
const CURATED = JSON.parse(read('../../assets/factbase/idlib-2019.json')) as { actors: { id: string; name: string; kind: string; aliases: { text: string }[] }[] };

function drafted(text: string, meta = {}): CompiledFactBase {
  const result = draftPack(text, meta);
  if (!result.ok) throw new Error(`expected a draft, got ${result.problem.code}: ${result.problem.message}`);
  return result.pack;
}

describe('draftPack on the seed article', () => {
  const pack = drafted(SEED, { title: 'Trump calls for an end to the violence in Idlib' });
  const { rows, extra } = comparePacks(CURATED.actors, pack.actors);

  it('recovers at least 15 of the 16 curated actors and invents at most 2', () => {
    const missed = rows.filter((r) => !r.drafted).map((r) => r.curated.name);
    expect(CURATED.actors).toHaveLength(16);
    expect(missed.length, `missed: ${missed.join(', ')}`).toBeLessThanOrEqual(1);
    expect(extra.map((a) => a.name).length, `extra: ${extra.map((a) => a.name).join(', ')}`).toBeLessThanOrEqual(2);
  });

  it('gives the matched actors the curated kind (at most one differs)', () => {
    const wrong = rows.filter((r) => r.drafted && r.drafted.kind !== r.curated.kind);
    expect(wrong.map((r) => `${r.curated.name}: ${r.drafted!.kind}`).length).toBeLessThanOrEqual(1);
  });

  it('quotes the article verbatim, character for character, and passes validatePack with the text', () => {
    const text = pack.source.text!;
    expect(text).toBe(SEED);
    const quotes = pack.actors.flatMap((a) => [a.identityQuote, ...a.facts.map((f) => f.quote), ...a.related.map((r) => r.quote)]);
    expect(quotes.length).toBeGreaterThan(pack.actors.length);
    for (const q of quotes) expect(text.includes(q), q).toBe(true);
    expect(validatePack(JSON.parse(JSON.stringify(pack))).ok).toBe(true);
  });

  it('sets alias flags the engine understands: surname, exact acronyms, capitals, ambiguous head nouns', () => {
    const actor = (name: string) => pack.actors.find((a) => a.name === name)!;
    const alias = (name: string, text: string) => actor(name).aliases.find((a) => a.text === text);
    expect(alias('Donald Trump', 'Trump')).toMatchObject({ surname: true, caseRule: 'proper' });
    expect(actor('Donald Trump').givenNames).toContain('Donald');
    expect(alias('United Nations', 'UN')).toMatchObject({ caseRule: 'exact' });
    expect(alias('Russia', 'Moscow')).toBeDefined();
    expect(alias('Turkey', 'Turkish')).toBeDefined();
    expect(alias('Turkey', 'Ankara')).toBeDefined();
    // A capital the article never uses for its government is not an alias.
    expect(alias('Iran', 'Teheran')).toBeUndefined();
    expect(alias('International Rescue Committee', 'Committee')).toMatchObject({ ambiguous: true });
    expect(actor('International Rescue Committee').cues.support).toContain('rescue');
  });

  it('takes a person\'s identity from the title the article writes before the name', () => {
    const kalin = pack.actors.find((a) => a.name === 'Ibrahim Kalin')!;
    expect(kalin.identityQuote).toBe('Presidential spokesman Ibrahim Kalin');
    const trump = pack.actors.find((a) => a.name === 'Donald Trump')!;
    expect(trump.identityQuote).toBe('US President Donald Trump');
  });

  it('ties actors named in one sentence, with that sentence as the quote, on both sides', () => {
    const erdogan = pack.actors.find((a) => a.name === 'Tayyip Erdogan')!;
    const haftar = pack.actors.find((a) => a.name === 'Khalifa Haftar')!;
    const tie = erdogan.related.find((r) => r.actorId === haftar.id);
    expect(tie?.quote).toContain('Khalifa Haftar');
    expect(haftar.related.some((r) => r.actorId === erdogan.id)).toBe(true);
  });

  it('carries the page\'s metadata in source, and a period from the date', () => {
    const p = drafted(SEED, { title: 'T', url: 'https://example.org/a', site: 'Example', byline: 'A. Writer', published: '2019-12-24T10:00:00Z' });
    expect(p.source).toMatchObject({ title: 'T', url: 'https://example.org/a', site: 'Example', byline: 'A. Writer', period: '2019-12-24' });
    expect(p.source.id).toMatch(/^draft-/);
  });
});

describe('draftPack on bad input', () => {
  it('refuses a text too short to be an article', () => {
    const result = draftPack('Breaking news.');
    expect(result.ok || result.problem.code).toBe('empty');
  });

  it('refuses a text in a language it does not know, with a message, and drafts it when asked', () => {
    const german =
      'Die Bundesregierung hat am Montag in Berlin neue Maßnahmen beschlossen. Bundeskanzler Olaf Scholz sagte, ' +
      'die Lage sei ernst, aber beherrschbar. Die Opposition kritisierte die Entscheidung scharf und forderte eine ' +
      'Debatte im Bundestag. In München und Hamburg demonstrierten tausende Menschen gegen die Pläne der Regierung.';
    const refused = draftPack(german);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.problem.code).toBe('language');
      expect(refused.problem.message).toMatch(/English/);
    }
    const forced = draftPack(german, {}, { anyLanguage: true });
    expect(forced.ok && forced.notices.map((n) => n.code)).toContain('language-uncertain');
  });

  it('cuts a huge text at the limit and says so', () => {
    const huge = `${SEED}\n\n`.repeat(Math.ceil(5_000_000 / SEED.length));
    const result = draftPack(huge);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.source.text!.length).toBeLessThanOrEqual(MAX_DRAFT_CHARS);
    expect(result.notices.find((n) => n.code === 'truncated')?.message).toMatch(/only its first/);
  }, 60_000); // a 5 MB input on a shared machine: a generous limit, not a speed check (see scripts/eval-drafter.ts)

  it('finds no actors in lower-case prose and says so', () => {
    const result = draftPack('there was nothing in the report that named anyone at all, only weather and the sea. '.repeat(5));
    expect(result.ok || result.problem.code).toBe('no-actors');
  });
});
