// The whole sentence around a mention, for exports and citations: the engine's own sentence bounds
// (utils/engine/context.ts), extended past their window cap so a long sentence is not cut mid-way, and split
// where a page glues two sentences together ("tonight.When": a summary whose paragraphs were concatenated).
// Spacing is cleaned: every run of white space (line breaks, tabs, no-break spaces) becomes one space.
import { SENTENCE_CAP, sentenceBounds } from '../engine/context';

/** How far a sentence may reach on each side of its mention before it is cut (with "…"). */
export const SENTENCE_REACH = 8 * SENTENCE_CAP;

/** A lower-case letter, a terminator (closing quotes allowed), then a capital and a lower-case letter. */
const GLUED = /\p{Ll}[.!?]["'\u201d\u2019)\]]*(?=\p{Lu}\p{Ll})/gu;

/** [start, end) of the whole sentence holding [from, to) in `text`, and which side was cut at the reach. */
export function wholeSentenceBounds(text: string, from: number, to: number): { start: number; end: number; cutStart: boolean; cutEnd: boolean } {
  let [start, end] = sentenceBounds(text, from, to);
  let cutStart = false;
  let cutEnd = false;
  // sentenceBounds stops at its cap (SENTENCE_CAP each side): where it did, look on from there.
  for (let edge = from; start > 0 && start === edge - SENTENCE_CAP; ) {
    if (from - start >= SENTENCE_REACH) {
      cutStart = true;
      break;
    }
    edge = start;
    start = sentenceBounds(text, start, start)[0];
  }
  for (let edge = to; end < text.length && end === edge + SENTENCE_CAP; ) {
    if (end - to >= SENTENCE_REACH) {
      cutEnd = true;
      break;
    }
    edge = end;
    end = sentenceBounds(text, end, end)[1];
  }
  // Glued sentences: the last glue before the mention starts it, the first glue after it ends it.
  GLUED.lastIndex = start;
  for (let m = GLUED.exec(text); m && m.index + m[0].length <= from; m = GLUED.exec(text)) start = m.index + m[0].length;
  GLUED.lastIndex = Math.max(start, to - 1);
  const after = GLUED.exec(text);
  if (after && after.index + after[0].length < end) end = after.index + after[0].length;
  return { start, end, cutStart, cutEnd };
}

/** Collapses white space to single spaces and trims. */
export function cleanSpacing(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The whole sentence around [from, to), with clean spacing ("…" on a side cut at the reach). */
export function wholeSentence(text: string, from: number, to: number): string {
  const { start, end, cutStart, cutEnd } = wholeSentenceBounds(text, from, to);
  return `${cutStart ? '\u2026' : ''}${cleanSpacing(text.slice(start, end))}${cutEnd ? '\u2026' : ''}`;
}
