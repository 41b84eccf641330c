// A trie over folded keys, flattened into typed arrays, walked on the ORIGINAL text with on-the-fly
// folding (no folded copy of the text, no allocation per character).
//
// Why a trie and not one combined regex: every alias must start at a word start, so the walk only
// begins at word starts and almost always stops after one or two characters; its cost depends on the
// text, not on the number of aliases (measured in scripts/bench-engine.ts against a combined regex).
import { CLS_IGNORE, CLS_MARK, CLS_SPACE, CLS_WORD, FOLD_TABLES } from './normalise';

const { CLASS, FOLD, FOLD_NONE, FOLD_EXPANDS, EXPANSIONS, computeClass } = FOLD_TABLES;
// Module-local copies: an imported binding may compile to a getter (tsx, CommonJS), too slow per character.
const WORD = CLS_WORD;
const MARK = CLS_MARK;
const IGNORE = CLS_IGNORE;
const SPACE = CLS_SPACE;

/** Children at or above this count get a dense row for ASCII codes. */
const DENSE_MIN_CHILDREN = 4;

export interface FlatTrie<T> {
  /** Per node: first index into edgeCode/edgeTarget, and how many. */
  edgeStart: Int32Array;
  edgeCount: Int32Array;
  edgeCode: Uint16Array;
  edgeTarget: Int32Array;
  /** Per node: offset of its dense ASCII row in `dense`, or -1. */
  denseOffset: Int32Array;
  dense: Int32Array;
  /** Per node: index into `values`, or -1. */
  terminal: Int32Array;
  values: T[][];
  /**
   * Per ORIGINAL ASCII code: 1 when a walk from a word starting with it can succeed — the prefilter
   * of the hot loop. A lower-case letter gets 0 when every key under its folded letter needs a capital
   * first letter (most aliases are proper names, most words of a page are lower case).
   */
  rootAscii: Uint8Array;
  /**
   * Second-level prefilter: [folded first × 128 + folded second] is 1 when some key starts with that
   * ASCII pair (or the first character alone is a key).
   */
  pairs: Uint8Array;
  /** Folded key of each value list (same index as `values`). */
  keys: string[];
}

/** How much work (entries inserted, nodes flattened) between the points where a sliced build may pause. */
export const STEP_UNITS = 2048;

/** Build a trie from folded keys (keys must be non-empty). Values of equal keys share one list. */
export function buildTrie<T>(entries: readonly { key: string; value: T; lowerStartOk?: boolean }[]): FlatTrie<T> {
  return runSteps(buildTrieSteps(entries));
}

/** Runs a stepwise build to its end at once. */
export function runSteps<R>(steps: Generator<void, R>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * buildTrie as a generator that yields every STEP_UNITS units of work, so that a caller can spread a big
 * build (tens of thousands of aliases) over several tasks; the result is the same trie.
 */
export function* buildTrieSteps<T>(entries: readonly { key: string; value: T; lowerStartOk?: boolean }[]): Generator<void, FlatTrie<T>> {
  // The nodes under construction as flat lists (ids in creation order; children as a linked list of
  // siblings): one Map per node made a 28,000-alias pack's build several times slower, all in allocation.
  const lowerOk = new Uint8Array(128);
  const firstChild: number[] = [-1];
  const nextSibling: number[] = [-1];
  const codeOf: number[] = [0];
  const childCount: number[] = [0];
  const valueIndexOf: number[] = [-1];
  const values: T[][] = [];
  const keys: string[] = [];
  const pairs = new Uint8Array(128 * 128);
  const childOf = (node: number, code: number): number => {
    for (let c = firstChild[node]!; c >= 0; c = nextSibling[c]!) if (codeOf[c] === code) return c;
    return -1;
  };
  let units = 0;
  for (const { key, value, lowerStartOk } of entries) {
    if (++units % STEP_UNITS === 0) yield;
    if (key.length === 0) continue;
    const c1 = key.charCodeAt(0);
    if (c1 < 128) {
      if (key.length === 1 || key.charCodeAt(1) >= 128) pairs.fill(1, c1 * 128, c1 * 128 + 128);
      else pairs[c1 * 128 + key.charCodeAt(1)] = 1;
    }
    if (lowerStartOk !== false && key.charCodeAt(0) < 128) lowerOk[key.charCodeAt(0)] = 1;
    let node = 0;
    for (let k = 0; k < key.length; k++) {
      const code = key.charCodeAt(k);
      let child = childOf(node, code);
      if (child < 0) {
        child = codeOf.length;
        codeOf.push(code);
        firstChild.push(-1);
        nextSibling.push(firstChild[node]!);
        childCount.push(0);
        valueIndexOf.push(-1);
        firstChild[node] = child;
        childCount[node]!++;
      }
      node = child;
    }
    if (valueIndexOf[node]! < 0) {
      valueIndexOf[node] = values.length;
      values.push([]);
      keys.push(key);
    }
    values[valueIndexOf[node]!]!.push(value);
  }
  const count = codeOf.length;
  const edgeStart = new Int32Array(count);
  const edgeCount = new Int32Array(count);
  const denseOffset = new Int32Array(count).fill(-1);
  const terminal = new Int32Array(count);
  let denseRows = 0;
  for (let id = 0; id < count; id++) if (childCount[id]! >= DENSE_MIN_CHILDREN) denseRows++;
  const edgeCode = new Uint16Array(count - 1);
  const edgeTarget = new Int32Array(count - 1);
  const dense = new Int32Array(denseRows * 128).fill(-1);
  let e = 0;
  let d = 0;
  for (let id = 0; id < count; id++) {
    if (++units % STEP_UNITS === 0) yield;
    terminal[id] = valueIndexOf[id]!;
    edgeStart[id] = e;
    const n = childCount[id]!;
    edgeCount[id] = n;
    // The children in code order (the sibling list holds them newest first).
    let filled = e;
    for (let c = firstChild[id]!; c >= 0; c = nextSibling[c]!) {
      // Insertion sort as they come: most nodes have one child, the root a few dozen.
      const code = codeOf[c]!;
      let k = filled++;
      while (k > e && edgeCode[k - 1]! > code) {
        edgeCode[k] = edgeCode[k - 1]!;
        edgeTarget[k] = edgeTarget[k - 1]!;
        k--;
      }
      edgeCode[k] = code;
      edgeTarget[k] = c;
    }
    if (n >= DENSE_MIN_CHILDREN) {
      denseOffset[id] = d;
      for (let k = e; k < e + n; k++) if (edgeCode[k]! < 128) dense[d + edgeCode[k]!] = edgeTarget[k]!;
      d += 128;
    }
    e += n;
  }
  const rootAscii = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const f = FOLD[c]!;
    if (childOf(0, f) < 0) continue;
    const isLower = c >= 97 && c <= 122;
    rootAscii[c] = !isLower || lowerOk[f] === 1 ? 1 : 0;
  }
  return { edgeStart, edgeCount, edgeCode, edgeTarget, denseOffset, dense, terminal, values, rootAscii, pairs, keys };
}

/** Child of `node` for folded code unit `code`, or -1. */
export function step(trie: FlatTrie<unknown>, node: number, code: number): number {
  const d = trie.denseOffset[node]!;
  if (d >= 0 && code < 128) return trie.dense[d + code]!;
  const s = trie.edgeStart[node]!;
  const e = s + trie.edgeCount[node]!;
  const codes = trie.edgeCode;
  for (let k = s; k < e; k++) if (codes[k] === code) return trie.edgeTarget[k]!;
  return -1;
}

/** Whether the root has a child for the (original) code unit at a word start: the cheap prefilter. */
export function rootAccepts(trie: FlatTrie<unknown>, code: number): boolean {
  if (CLASS[code] === 0) computeClass(code);
  const f = FOLD[code]!;
  if (code < 128) return trie.rootAscii[code] === 1;
  if (f === FOLD_EXPANDS || f === FOLD_NONE) return true;
  return step(trie, 0, f) >= 0;
}

function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const cls = CLASS[code]!;
  return cls !== 0 ? cls : computeClass(code);
}

/** Whether a key may end before position p: the next visible character is not a letter, digit or mark. */
export function endsWord(text: string, p: number): boolean {
  const n = text.length;
  while (p < n) {
    const cls = classAt(text, p);
    if (cls === IGNORE) {
      p++;
      continue;
    }
    return cls !== WORD && cls !== MARK;
  }
  return true;
}

/** Scratch buffers for `walk` results. */
export interface WalkOut {
  ends: Int32Array;
  values: Int32Array;
}

export const MAX_CANDIDATES = 64;

export function newWalkOut(): WalkOut {
  return { ends: new Int32Array(MAX_CANDIDATES), values: new Int32Array(MAX_CANDIDATES) };
}

/**
 * Walk the trie from position `start` of the original text. Every key that ends at a word boundary
 * is written to `out` (shortest first): its end offset in the original text (trailing marks included)
 * and its value index. Returns how many.
 */
export function walk(trie: FlatTrie<unknown>, text: string, start: number, out: WalkOut): number {
  const n = text.length;
  const terminal = trie.terminal;
  const denseOffset = trie.denseOffset;
  const dense = trie.dense;
  let node = 0;
  let p = start;
  let lastSpace = false;
  let found = 0;
  while (p < n) {
    const code = text.charCodeAt(p);
    let f: number;
    if (code < 128) {
      // ASCII: folds to exactly one code unit.
      f = FOLD[code]!;
    } else {
      if (CLASS[code] === 0) computeClass(code);
      f = FOLD[code]!;
      if (f === FOLD_NONE) {
        p++;
        continue;
      }
    }
    if (f === 32) {
      if (lastSpace) {
        p++;
        continue;
      }
      lastSpace = true;
    } else lastSpace = false;
    if (f === FOLD_EXPANDS) {
      const piece = EXPANSIONS.get(code)!;
      for (let k = 0; k < piece.length && node >= 0; k++) node = step(trie, node, piece.charCodeAt(k));
    } else {
      const d = denseOffset[node]!;
      node = d >= 0 && f < 128 ? dense[d + f]! : step(trie, node, f);
    }
    if (node < 0) break;
    p++;
    const t = terminal[node]!;
    if (t >= 0) {
      let end = p;
      while (end < n && classAt(text, end) === MARK) end++;
      if (endsWord(text, end) && found < MAX_CANDIDATES) {
        out.ends[found] = end;
        out.values[found++] = t;
      }
    }
  }
  return found;
}

/** Whether a space class code unit (for callers that need to skip gaps). */
export function isSpaceAt(text: string, i: number): boolean {
  return classAt(text, i) === SPACE;
}

export { classAt };
