// A mention in its sentence, for the panel's list: the row's sentence cut in three around the mention, as
// text (the panel puts the middle in a <mark>; nothing of the page is ever rendered as HTML).
import type { ExportRow } from '../export/row';

export interface SentenceParts {
  before: string;
  mark: string;
  after: string;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');

/** Length of the common ending of two strings. */
function commonEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * Where the mention is in the row's sentence: the occurrence of its words whose preceding text agrees most
 * with the selector's prefix (a sentence may name an actor twice). The sentence alone when the words are
 * not in it (should not happen: the sentence is built around the mention).
 */
export function sentenceParts(row: Pick<ExportRow, 'sentence' | 'surface' | 'selector'>): SentenceParts {
  const { sentence } = row;
  const exact = collapse(row.selector.exact || row.surface);
  const prefix = collapse(row.selector.prefix);
  let best = -1;
  let bestScore = -1;
  for (let at = sentence.indexOf(exact); at >= 0; at = sentence.indexOf(exact, at + 1)) {
    const score = commonEnd(sentence.slice(0, at), prefix);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  if (best < 0) return { before: sentence, mark: '', after: '' };
  return { before: sentence.slice(0, best), mark: exact, after: sentence.slice(best + exact.length) };
}
