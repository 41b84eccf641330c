// The windows that context rules look at: the sentence and the paragraph around a mention.
//
// A paragraph is the text between blank lines (a page block given alone is one paragraph); a sentence
// ends at . ! ? … followed by a space (closing quotes allowed between), or at a line break. A full stop
// after a single letter ("U.S.", "J.") or a common abbreviation ("Mr.", "Gen.") does not end a
// sentence, nor does one followed by a lower-case word. Both windows are capped so that a huge block
// without punctuation costs little: SENTENCE_CAP / PARAGRAPH_CAP characters on each side.
import { CLS_SPACE, CLS_WORD, charClass, isLowerCode, isUpperCode } from './normalise';

export const SENTENCE_CAP = 400;
export const PARAGRAPH_CAP = 4000;

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'cpt', 'maj', 'adm', 'prof', 'sen', 'rep',
  'gov', 'pres', 'jr', 'sr', 'vs', 'etc', 'no', 'inc', 'ltd', 'co', 'corp', 'dept', 'mt', 'ft', 'approx',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'fig', 'vol', 'al',
]);

const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '\u00bb', '\u203a']);

function isTerminatorChar(ch: string): boolean {
  return ch === '.' || ch === '!' || ch === '?' || ch === '\u2026' || ch === '\u3002';
}

/** Whether the terminator at index k ends a sentence (looking at the word before and after it). */
function endsSentenceAt(text: string, k: number): boolean {
  let j = k + 1;
  while (j < text.length && CLOSERS.has(text[j]!)) j++;
  if (j < text.length && charClass(text.charCodeAt(j)) !== CLS_SPACE) return false;
  if (text[k] !== '.') return true;
  // The word before the full stop.
  let w = k;
  while (w > 0 && charClass(text.charCodeAt(w - 1)) === CLS_WORD) w--;
  const word = text.slice(w, k);
  if (word.length === 1 && isUpperCode(word.charCodeAt(0))) return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // The word after it: a lower-case start means the full stop was not the end ("approx. ten").
  while (j < text.length && charClass(text.charCodeAt(j)) === CLS_SPACE) j++;
  if (j < text.length && isLowerCode(text.charCodeAt(j))) return false;
  return true;
}

/** [start, end) of the sentence containing [from, to). */
export function sentenceBounds(text: string, from: number, to: number): [number, number] {
  let start = Math.max(0, from - SENTENCE_CAP);
  for (let k = from - 1; k >= start; k--) {
    const ch = text[k]!;
    if (ch === '\n' || ch === '\r') {
      start = k + 1;
      break;
    }
    if (isTerminatorChar(ch) && endsSentenceAt(text, k)) {
      start = k + 1;
      break;
    }
  }
  const cap = Math.min(text.length, to + SENTENCE_CAP);
  let end = cap;
  for (let k = to; k < cap; k++) {
    const ch = text[k]!;
    if (ch === '\n' || ch === '\r') {
      end = k;
      break;
    }
    if (isTerminatorChar(ch) && endsSentenceAt(text, k)) {
      end = k + 1;
      while (end < text.length && CLOSERS.has(text[end]!)) end++;
      break;
    }
  }
  return [start, end];
}

/** [start, end) of the paragraph (text between blank lines) containing [from, to). */
export function paragraphBounds(text: string, from: number, to: number): [number, number] {
  const low = Math.max(0, from - PARAGRAPH_CAP);
  let start = low;
  let newlineAfter = -1;
  for (let k = from - 1; k >= low; k--) {
    const ch = text[k]!;
    if (ch === '\n') {
      if (newlineAfter >= 0) {
        start = newlineAfter + 1;
        break;
      }
      newlineAfter = k;
    } else if (charClass(text.charCodeAt(k)) !== CLS_SPACE) newlineAfter = -1;
  }
  const high = Math.min(text.length, to + PARAGRAPH_CAP);
  let end = high;
  let newlineBefore = -1;
  for (let k = to; k < high; k++) {
    const ch = text[k]!;
    if (ch === '\n') {
      if (newlineBefore >= 0) {
        end = newlineBefore;
        break;
      }
      newlineBefore = k;
    } else if (charClass(text.charCodeAt(k)) !== CLS_SPACE) newlineBefore = -1;
  }
  return [start, end];
}

const CONTEXT_MAX = 400;

/**
 * The sentence around [start, end), trimmed, with runs of spaces collapsed: the "context" of a mention
 * in the CLI's output and in exports. A sentence longer than CONTEXT_MAX is cut around the mention (…).
 */
export function sentenceAround(text: string, start: number, end: number): string {
  let [s, e] = sentenceBounds(text, start, end);
  let prefix = '';
  let suffix = '';
  if (e - s > CONTEXT_MAX) {
    const half = Math.floor((CONTEXT_MAX - (end - start)) / 2);
    const ns = Math.max(s, start - Math.max(half, 40));
    const ne = Math.min(e, end + Math.max(half, 40));
    if (ns > s) prefix = '\u2026';
    if (ne < e) suffix = '\u2026';
    s = ns;
    e = ne;
  }
  return prefix + text.slice(s, e).replace(/\s+/g, ' ').trim() + suffix;
}

/** Long words that title-case styles still write in lower case. */
const TITLE_SMALL_WORDS = new Set(['with', 'from', 'into', 'onto', 'over', 'upon', 'than', 'that', 'when', 'after', 'about']);

/**
 * Whether [from, to) is written in title case (a headline: "Erdogan Says Turkey Will Not Stay Silent"),
 * where a capitalised word says nothing about names: at least 3 words of 4+ letters, every one of them
 * capitalised except a few prepositions ("with", "from" …).
 */
export function isTitleCase(text: string, from: number, to: number): boolean {
  let words = 0;
  let k = from;
  while (k < to) {
    while (k < to && charClass(text.charCodeAt(k)) !== CLS_WORD) k++;
    const ws = k;
    while (k < to && charClass(text.charCodeAt(k)) === CLS_WORD) k++;
    if (k - ws >= 4) {
      words++;
      if (isLowerCode(text.charCodeAt(ws)) && !TITLE_SMALL_WORDS.has(text.slice(ws, k))) return false;
    }
  }
  return words >= 3;
}

/** Whether [from, to) is written in capitals only: no lower-case letter and at least two cased words. */
export function isCapitalsOnly(text: string, from: number, to: number): boolean {
  let words = 0;
  let inWord = false;
  let cased = false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (isLowerCode(c)) return false;
    const isWord = charClass(c) === CLS_WORD;
    if (isWord) {
      if (isUpperCode(c)) cased = true;
    } else if (inWord) {
      if (cased) words++;
      cased = false;
    }
    inWord = isWord;
  }
  if (inWord && cased) words++;
  return words >= 2;
}
