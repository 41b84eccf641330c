// W3C Web Annotation TextQuoteSelector (https://www.w3.org/TR/annotation-model/#text-quote-selector): the
// quoted text with a little context on each side, the form Hypothesis stores to find a passage again in a
// page that may have moved. Context is QUOTE_CONTEXT characters each side, as Hypothesis takes.
// Pure: works on the page's visible text (its blocks joined by "\n\n", see row.ts).

export const QUOTE_CONTEXT = 32;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** The selector of [start, end) in `text`; the context never splits a surrogate pair. */
export function quoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  let from = Math.max(0, start - QUOTE_CONTEXT);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  let to = Math.min(text.length, end + QUOTE_CONTEXT);
  if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

export interface SelectorMatch {
  start: number;
  end: number;
  /** Whether the whole prefix and suffix are found around it (false: the best of partial contexts). */
  contextMatched: boolean;
}

/** Characters of `a` and `b` that agree, counted from the end of each. */
function commonTail(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Characters of `a` and `b` that agree, counted from the start of each. */
function commonHead(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/**
 * Finds a selector's passage in `text` again: among the exact occurrences of `exact` (no fuzzy matching), the
 * one whose surroundings agree longest with the prefix and suffix; on a tie, the one nearest `hint` (the
 * passage's old start, when known), else the first. Null when `exact` does not occur at all.
 */
export function findBySelector(text: string, selector: Omit<TextQuoteSelector, 'type'>, hint?: number): SelectorMatch | null {
  const { exact, prefix, suffix } = selector;
  if (exact.length === 0) return null;
  let best: SelectorMatch | null = null;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    const before = commonTail(text.slice(Math.max(0, at - prefix.length), at), prefix);
    const after = commonHead(text.slice(end, end + suffix.length), suffix);
    const score = before + after;
    const distance = hint === undefined ? 0 : Math.abs(at - hint);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = { start: at, end, contextMatched: before === prefix.length && after === suffix.length };
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}
