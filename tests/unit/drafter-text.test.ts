import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../utils/drafter/sentences';
import { englishScore, ENGLISH_DOUBTFUL, ENGLISH_SURE } from '../../utils/drafter/language';
import { tokenize } from '../../utils/drafter/tokens';
import { quoteSpan } from '../../utils/drafter/facts';
import { creditSpans } from '../../utils/drafter/entities';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits after . ! ? and closing quotes, not after titles, initials or U.S.', () => {
    const text = 'Mr. Trump met Donald J. Trump Jr. in the U.S. Capitol. "Stop it!" he said. Then? Yes.\nA new line';
    expect(sentences(text)).toEqual(['Mr. Trump met Donald J. Trump Jr. in the U.S. Capitol.', '"Stop it!" he said.', 'Then?', 'Yes.', 'A new line']);
  });
});

describe('tokenize', () => {
  it('splits hyphens, leaves the possessive out, marks acronyms, keeps soft-hyphenated words whole', () => {
    const tokens = tokenize("Syria's Turkey-Russia UN LONDON Netan\u00ADyahu");
    expect(tokens.map((t) => t.text)).toEqual(['Syria', 'Turkey', 'Russia', 'UN', 'LONDON', 'Netan\u00ADyahu']);
    expect(tokens[0]!.possessive).toBe(true);
    expect(tokens[2]!.hyphenBefore).toBe(true);
    expect(tokens[3]!.allCaps && tokens[3]!.capital).toBe(true);
    expect(tokens[4]!.capital).toBe(false); // a dateline in capitals is not a name
  });
});

describe('englishScore', () => {
  it('tells English prose from German and French', () => {
    expect(englishScore('The minister said on Monday that the talks with the rebels would go on for a week.')).toBeGreaterThan(ENGLISH_SURE);
    expect(englishScore('Der Minister sagte am Montag, die Gespräche mit den Rebellen würden eine Woche dauern.')).toBeLessThan(ENGLISH_DOUBTFUL);
    expect(englishScore('Le ministre a déclaré lundi que les pourparlers avec les rebelles dureraient une semaine.')).toBeLessThan(ENGLISH_DOUBTFUL);
  });
});

describe('quoteSpan', () => {
  it('keeps a short sentence whole and cuts a long one to the clause around the mention, at word ends', () => {
    const short = { start: 0, end: 20 };
    expect(quoteSpan('x'.repeat(20), short, { start: 2, end: 4 })).toBe(short);
    const long = `${'word '.repeat(80)}, and then Kalin spoke at length, ${'more '.repeat(80)}`;
    const at = long.indexOf('Kalin');
    const span = quoteSpan(long, { start: 0, end: long.length }, { start: at, end: at + 5 });
    const quote = long.slice(span.start, span.end);
    expect(quote).toContain('Kalin');
    expect(quote.length).toBeLessThan(long.length);
    expect(quote.startsWith('and then')).toBe(true);
  });
});

describe('creditSpans', () => {
  it('finds photo credits at a line or sentence start and bracketed sources with a slash, not "Credit Suisse" mid-sentence', () => {
    const spans = (t: string) => creditSpans(t).map((s) => t.slice(s.start, s.end));
    expect(spans('Sudan on Monday. Credit Ashraf Shazly/Agence France-Presse\n\nLONDON')).toEqual(['Credit Ashraf Shazly/Agence France-Presse']);
    expect(spans('in 2023.CreditCreditJeon Heon-Kyun/EPA, via Shutterstock\nNext')).toEqual(['CreditCreditJeon Heon-Kyun/EPA, via Shutterstock']);
    expect(spans('election. (Thomas Coex/AFP/Getty Images)')).toEqual(['(Thomas Coex/AFP/Getty Images)']);
    expect(spans('the Credit Suisse bank said (in 2019) that')).toEqual([]);
  });
});
