// Sentences with their offsets in the article text, so that every quote can be sliced from the text itself.
// Rule-based: a paragraph (a line) is split after . ! ? (and closing quotes or brackets) followed by a space
// and a capital, digit or opening quote, except after common abbreviations and initials.
import type { Span } from './types';

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr st gen sen rep gov lt col sgt capt cmdr adm prof jr sr inc co corp ltd vs no jan feb mar apr ' +
    'jun jul aug sep sept oct nov dec mt ft rev hon pres maj brig u.s u.k u.n e.g i.e etc approx dept est fig'
  ).split(' '),
);

const BOUNDARY = /[.!?]+["'\u201D\u2019)\]]*(?=\s+["'\u201C\u2018(\[]?[\p{Lu}\p{N}])/gu;

/** The sentences of the text, in order, each trimmed of surrounding whitespace. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) spans.push({ start, end });
  };
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const base = lineStart;
    lineStart += line.length + 1;
    let from = 0;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(line); m; m = BOUNDARY.exec(line)) {
      const before = line.slice(from, m.index);
      const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
      if (m[0].startsWith('.') && isAbbreviation(lastWord)) continue;
      const end = m.index + m[0].length;
      push(base + from, base + end);
      from = end;
    }
    push(base + from, base + line.length);
  }
  return spans;
}

function isAbbreviation(word: string): boolean {
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "Donald J. Trump"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "e.g"
  return ABBREVIATIONS.has(word.toLowerCase());
}
