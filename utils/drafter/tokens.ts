// Words of the text with their offsets. Hyphenated words are split into their parts ("Turkey-Russia",
// "Russian-backed"), and a possessive "'s" is left out of the word ("Syria's" → "Syria").
import { CAPTION_PREFIXES } from './lexicon';
import type { Span } from './types';

export interface Token extends Span {
  readonly text: string;
  /** Position in the token list it came from. */
  readonly index: number;
  /** Starts with a capital letter. */
  readonly capital: boolean;
  /** Only capitals (and dots), at least two letters: "UN", "U.S.", "SOHR". */
  readonly allCaps: boolean;
  /** Joined to the previous token by a hyphen. */
  readonly hyphenBefore: boolean;
  /** Followed by "'s" or "’s". */
  readonly possessive: boolean;
}

// A soft hyphen (U+00AD) inside a word is invisible: "Netan\u00ADyahu" is one word.
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}\u00AD]*(?:[.'’][\p{L}\p{M}\p{N}\u00AD]+)*\.?/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    let word = m[0];
    let start = from + m.index;
    // A trailing dot belongs to the word only for abbreviations and initials ("U.S.", "J."), not sentence ends.
    if (word.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(word) && !/^\p{Lu}\.$/u.test(word)) word = word.slice(0, -1);
    let possessive = false;
    const pos = /['’]s$/u.exec(word);
    if (pos) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (/['’]$/u.test(word)) word = word.slice(0, -1);
    if (word.length === 0) continue;
    // "CreditEllen": a caption word glued to a name; the name starts after it.
    for (let glued = gluedPrefix(word); glued; glued = gluedPrefix(word)) {
      word = word.slice(glued.length);
      start += glued.length;
    }
    const prev = text[start - 1];
    const hyphenBefore = prev === '-' && tokens.length > 0 && tokens[tokens.length - 1]!.end === start - 1;
    const letters = word.replace(/[.'’\u00AD]/g, '');
    // Words of six capitals or more are shouting or datelines ("LONDON"), not acronyms.
    const allCaps = letters.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(letters) && /\p{Lu}/u.test(letters);
    tokens.push({
      index: tokens.length,
      text: word,
      start,
      end: start + word.length,
      capital: /^\p{Lu}/u.test(word) && !(allCaps && letters.length >= 6),
      allCaps,
      hyphenBefore,
      possessive,
    });
  }
  return tokens;
}

function gluedPrefix(word: string): string | undefined {
  return CAPTION_PREFIXES.find((p) => word.length > p.length + 1 && word.startsWith(p) && /\p{Lu}/u.test(word[p.length]!));
}
