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
  /**
   * Per node: first index into edgeCode, and how many. Nodes are numbered breadth-first with their children in
   * code order, so edge k always leads to node k + 1 (no array of edge targets).
   */
  edgeStart: Int32Array;
  edgeCount: Int32Array;
  edgeCode: Uint16Array;
  /** Per node: offset of its dense ASCII row in `dense`, or -1. */
  denseOffset: Int32Array;
  dense: Int32Array;
  /** Per node: index into `values`, or -1. */
  terminal: Int32Array;
  /**
   * Per key, its values. A hydrated trie (trieFromWire) holds a key's list only once a walk has reached the key
   * (walk makes it): read lists through walk's results, or call completeValues first to read them all.
   */
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
export function buildTrie<T>(entries: readonly TrieEntry<T>[]): FlatTrie<T> {
  const builder = new TrieBuilder<T>();
  builder.insert(entries, 0, entries.length);
  const flat = builder.startFlattening();
  builder.flatten(flat, 0, builder.nodeCount);
  return builder.finish(flat);
}

/** Runs a stepwise build to its end at once. */
export function runSteps<R>(steps: Generator<void, R>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * buildTrie as a generator that yields every STEP_UNITS units of work (entries inserted, nodes flattened), so
 * that a caller can spread a big build (tens of thousands of aliases) over several tasks; the result is the same
 * trie. The work is in TrieBuilder's plain methods, which buildTrie runs at once: V8 optimises a generator's body
 * far less.
 */
export function* buildTrieSteps<T>(entries: readonly TrieEntry<T>[]): Generator<void, FlatTrie<T>> {
  const builder = new TrieBuilder<T>();
  for (let from = 0; from < entries.length; from += STEP_UNITS) {
    builder.insert(entries, from, Math.min(entries.length, from + STEP_UNITS));
    yield;
  }
  const flat = builder.startFlattening();
  for (let from = 0; from < builder.nodeCount; from += STEP_UNITS) {
    builder.flatten(flat, from, Math.min(builder.nodeCount, from + STEP_UNITS));
    if (from + STEP_UNITS < builder.nodeCount) yield;
  }
  return builder.finish(flat);
}

export interface TrieEntry<T> {
  key: string;
  value: T;
  lowerStartOk?: boolean;
}

/** A trie being flattened: the arrays of FlatTrie, filled node by node in breadth-first order. */
interface Flattening<T> {
  /** New id → build id; the root is 0 in both. */
  order: Int32Array;
  edgeStart: Int32Array;
  edgeCount: Int32Array;
  denseOffset: Int32Array;
  terminal: Int32Array;
  edgeCode: Uint16Array;
  dense: Int32Array;
  values: T[][];
  keys: string[];
  /** The next edge and dense row to fill. */
  e: number;
  d: number;
}

/**
 * The nodes under construction as flat lists (ids in creation order; children as a linked list of siblings):
 * one Map per node made a 28,000-alias pack's build several times slower, all in allocation.
 */
class TrieBuilder<T> {
  private readonly lowerOk = new Uint8Array(128);
  private readonly firstChild: number[] = [-1];
  private readonly nextSibling: number[] = [-1];
  private readonly codeOf: number[] = [0];
  private readonly childCount: number[] = [0];
  private readonly valueIndexOf: number[] = [-1];
  private readonly values: T[][] = [];
  private readonly keys: string[] = [];
  private readonly pairs = new Uint8Array(128 * 128);

  get nodeCount(): number {
    return this.codeOf.length;
  }

  private childOf(node: number, code: number): number {
    const { firstChild, nextSibling, codeOf } = this;
    for (let c = firstChild[node]!; c >= 0; c = nextSibling[c]!) if (codeOf[c] === code) return c;
    return -1;
  }

  insert(entries: readonly TrieEntry<T>[], from: number, to: number): void {
    const { firstChild, nextSibling, codeOf, childCount, valueIndexOf, values, keys, pairs, lowerOk } = this;
    for (let i = from; i < to; i++) {
      const { key, value, lowerStartOk } = entries[i]!;
      if (key.length === 0) continue;
      const c1 = key.charCodeAt(0);
      if (c1 < 128) {
        if (key.length === 1 || key.charCodeAt(1) >= 128) pairs.fill(1, c1 * 128, c1 * 128 + 128);
        else pairs[c1 * 128 + key.charCodeAt(1)] = 1;
        if (lowerStartOk !== false) lowerOk[c1] = 1;
      }
      let node = 0;
      for (let k = 0; k < key.length; k++) {
        const code = key.charCodeAt(k);
        let child = this.childOf(node, code);
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
  }

  // Flattened in breadth-first order, children by code: node ids are then positions in that order, and the
  // k-th edge always leads to node k + 1, so the layout is a pure function of the keys (and the ready form,
  // trieToWire, needs to carry only each node's child count and the edges' codes).
  startFlattening(): Flattening<T> {
    const count = this.codeOf.length;
    let denseRows = 0;
    for (let id = 0; id < count; id++) if (this.childCount[id]! >= DENSE_MIN_CHILDREN) denseRows++;
    return {
      order: new Int32Array(count),
      edgeStart: new Int32Array(count),
      edgeCount: new Int32Array(count),
      denseOffset: new Int32Array(count).fill(-1),
      terminal: new Int32Array(count).fill(-1),
      edgeCode: new Uint16Array(count - 1),
      dense: new Int32Array(denseRows * 128).fill(-1),
      values: [],
      keys: [],
      e: 0,
      d: 0,
    };
  }

  /** Flattens the nodes of new ids from … to (in order: a node's id is known once its parent is flattened). */
  flatten(flat: Flattening<T>, from: number, to: number): void {
    const { firstChild, nextSibling, codeOf, childCount, valueIndexOf } = this;
    const { order, edgeStart, edgeCount, denseOffset, terminal, edgeCode, dense } = flat;
    let { e, d } = flat;
    for (let id = from; id < to; id++) {
      const old = order[id]!;
      if (valueIndexOf[old]! >= 0) {
        terminal[id] = flat.values.length;
        flat.values.push(this.values[valueIndexOf[old]!]!);
        flat.keys.push(this.keys[valueIndexOf[old]!]!);
      }
      edgeStart[id] = e;
      const n = childCount[old]!;
      edgeCount[id] = n;
      // The children in code order (the sibling list holds them newest first); `order` takes their build ids.
      let filled = e;
      for (let c = firstChild[old]!; c >= 0; c = nextSibling[c]!) {
        // Insertion sort as they come: most nodes have one child, the root a few dozen.
        const code = codeOf[c]!;
        let k = filled++;
        while (k > e && edgeCode[k - 1]! > code) {
          edgeCode[k] = edgeCode[k - 1]!;
          order[k + 1] = order[k]!;
          k--;
        }
        edgeCode[k] = code;
        order[k + 1] = c;
      }
      if (n >= DENSE_MIN_CHILDREN) {
        denseOffset[id] = d;
        for (let k = e; k < e + n; k++) if (edgeCode[k]! < 128) dense[d + edgeCode[k]!] = k + 1;
        d += 128;
      }
      e += n;
    }
    flat.e = e;
    flat.d = d;
  }

  finish(flat: Flattening<T>): FlatTrie<T> {
    const rootAscii = new Uint8Array(128);
    for (let c = 0; c < 128; c++) {
      const f = FOLD[c]!;
      if (this.childOf(0, f) < 0) continue;
      const isLower = c >= 97 && c <= 122;
      rootAscii[c] = !isLower || this.lowerOk[f] === 1 ? 1 : 0;
    }
    const { edgeStart, edgeCount, edgeCode, denseOffset, dense, terminal, values, keys } = flat;
    return { edgeStart, edgeCount, edgeCode, denseOffset, dense, terminal, values, rootAscii, pairs: this.pairs, keys };
  }
}

/** Child of `node` for folded code unit `code`, or -1. */
export function step(trie: FlatTrie<unknown>, node: number, code: number): number {
  const d = trie.denseOffset[node]!;
  if (d >= 0 && code < 128) return trie.dense[d + code]!;
  const s = trie.edgeStart[node]!;
  const e = s + trie.edgeCount[node]!;
  const codes = trie.edgeCode;
  for (let k = s; k < e; k++) if (codes[k] === code) return k + 1;
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
        // A hydrated trie makes a key's values when a walk first reaches it (trieFromWire).
        if (trie.values[t] === undefined) lazyValues.get(trie)!(t);
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

// ---- The ready form: a FlatTrie as plain JSON data, to be stored or shipped and hydrated without a build ----

/**
 * A FlatTrie without its values or keys, as strings (base64 of little-endian bytes): what the breadth-first
 * layout cannot derive. edgeStart, terminal, denseOffset, dense and pairs are rebuilt from these in
 * one pass over typed arrays; the keys are derived from the trie only if someone asks (FlatTrie.keys).
 */
export interface TrieWire {
  /** Node count. */
  n: number;
  /** Per node, its child count, one byte (255: the count is the next entry of `wide`). */
  counts: string;
  wide: number[];
  /** Per edge, the folded code unit (16 bits). */
  codes: string;
  /** Per node, one bit: a key ends here. */
  ends: string;
  /** rootAscii (128 bytes). */
  root: string;
}

/** Where the platform is little-endian, typed arrays are views of the decoded bytes (no copy, no loop). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64;
const nativeToBase64 = (Uint8Array.prototype as unknown as { toBase64?: () => string }).toBase64;

function bytesToBase64(bytes: Uint8Array): string {
  if (nativeToBase64) return nativeToBase64.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Base64 to bytes (natively where the browser can: Uint8Array.fromBase64); null when it is not base64. */
function base64ToBytes(text: string): Uint8Array | null {
  if (nativeFromBase64) {
    try {
      return nativeFromBase64(text);
    } catch {
      return null;
    }
  }
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** 32-bit signed integers, little-endian, as base64. */
export function int32ToBase64(values: ArrayLike<number>): string {
  const bytes = new Uint8Array(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]! | 0;
    bytes[i * 4] = v & 255;
    bytes[i * 4 + 1] = (v >>> 8) & 255;
    bytes[i * 4 + 2] = (v >>> 16) & 255;
    bytes[i * 4 + 3] = (v >>> 24) & 255;
  }
  return bytesToBase64(bytes);
}

/** int32ToBase64's inverse; null when the text is not base64 of whole 32-bit numbers. */
export function base64ToInt32(text: string): Int32Array | null {
  const bytes = base64ToBytes(text);
  if (bytes === null || bytes.length % 4 !== 0) return null;
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const out = new Int32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) {
    out[i] = bytes[i * 4]! | (bytes[i * 4 + 1]! << 8) | (bytes[i * 4 + 2]! << 16) | (bytes[i * 4 + 3]! << 24);
  }
  return out;
}


/** The trie's ready form (its values are the caller's: they are stored in `trie.values` order). */
export function trieToWire(trie: FlatTrie<unknown>): TrieWire {
  const n = trie.edgeCount.length;
  const counts = new Uint8Array(n);
  const wide: number[] = [];
  const ends = new Uint8Array((n + 7) >> 3);
  for (let id = 0; id < n; id++) {
    const c = trie.edgeCount[id]!;
    counts[id] = Math.min(c, 255);
    if (c >= 255) wide.push(c);
    if (trie.terminal[id]! >= 0) ends[id >> 3]! |= 1 << (id & 7);
  }
  const codes = new Uint8Array(trie.edgeCode.length * 2);
  trie.edgeCode.forEach((c, k) => {
    codes[k * 2] = c & 255;
    codes[k * 2 + 1] = c >>> 8;
  });
  return { n, counts: bytesToBase64(counts), wide, codes: bytesToBase64(codes), ends: bytesToBase64(ends), root: bytesToBase64(trie.rootAscii) };
}

/** Makes the value list of key `t` of a hydrated trie, when a walk first reaches it. */
const lazyValues = new WeakMap<FlatTrie<unknown>, (t: number) => void>();

/** Every value list of a trie made (a hydrated trie makes them as walks reach them): for whoever reads them all. */
export function completeValues<T>(trie: FlatTrie<T>): FlatTrie<T> {
  const make = lazyValues.get(trie);
  if (make) for (let t = 0; t < trie.values.length; t++) if (trie.values[t] === undefined) make(t);
  return trie;
}

/** The key ending at each terminal node, spelled from the edges' codes (parents come before children). */
function keysOf(trie: FlatTrie<unknown>): string[] {
  const n = trie.edgeCount.length;
  const spelled: string[] = new Array<string>(n);
  spelled[0] = '';
  const keys: string[] = [];
  for (let id = 0; id < n; id++) {
    const s = trie.edgeStart[id]!;
    for (let k = s; k < s + trie.edgeCount[id]!; k++) spelled[k + 1] = spelled[id]! + String.fromCharCode(trie.edgeCode[k]!);
    if (trie.terminal[id]! >= 0) keys[trie.terminal[id]!] = spelled[id]!;
  }
  return keys;
}

/** Whether `key` (folded) is one of the trie's keys: a walk of its code units, no set of every key. */
export function hasKey(trie: FlatTrie<unknown>, key: string): boolean {
  if (key.length === 0) return false;
  let node = 0;
  for (let k = 0; k < key.length && node >= 0; k++) node = step(trie, node, key.charCodeAt(k));
  return node >= 0 && trie.terminal[node]! >= 0;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * A FlatTrie from its ready form, equal to the trie it was made from once its values are made: `makeValues(t)`
 * gives key t's list (keys in terminal-node order) and is called only when a walk first reaches key t, so a
 * frame makes the values of the aliases its page holds, not of every alias. `keys` is spelled on first read.
 * Null when the form does not hold together (wrong lengths, an edge that does not lead to a later node): a walk
 * on it could then go wrong, so it is refused.
 */
export function trieFromWire<T>(wire: TrieWire, makeValues: (t: number) => T[]): FlatTrie<T> | null {
  return runSteps(trieFromWireSteps(wire, makeValues));
}

/**
 * trieFromWire as a generator, for compileMatcherInSlices: the decode is a few passes over typed arrays (a
 * 28,000-alias trie has about 100,000 nodes: a few ms), in one plain function (V8 optimises a generator's body
 * far less: the same passes inside the generator took about four times as long in Chromium).
 */
export function* trieFromWireSteps<T>(wire: TrieWire, makeValues: (t: number) => T[]): Generator<void, FlatTrie<T> | null> {
  yield;
  return decodeTrie(wire, makeValues);
}

function decodeTrie<T>(wire: TrieWire, makeValues: (t: number) => T[]): FlatTrie<T> | null {
  if (typeof wire !== 'object' || wire === null || !isInt(wire.n) || wire.n < 1 || !Array.isArray(wire.wide)) return null;
  const n = wire.n;
  const counts = typeof wire.counts === 'string' ? base64ToBytes(wire.counts) : null;
  const codeBytes = typeof wire.codes === 'string' ? base64ToBytes(wire.codes) : null;
  const endBits = typeof wire.ends === 'string' ? base64ToBytes(wire.ends) : null;
  const rootAscii = typeof wire.root === 'string' ? base64ToBytes(wire.root) : null;
  if (!counts || !codeBytes || !endBits || !rootAscii) return null;
  if (counts.length !== n || codeBytes.length !== 2 * (n - 1) || endBits.length !== (n + 7) >> 3 || rootAscii.length !== 128) return null;
  const edgeStart = new Int32Array(n);
  const edgeCount = new Int32Array(n);
  const denseOffset = new Int32Array(n).fill(-1);
  const terminal = new Int32Array(n).fill(-1);
  let edgeCode: Uint16Array;
  if (LITTLE_ENDIAN && codeBytes.byteOffset % 2 === 0) edgeCode = new Uint16Array(codeBytes.buffer, codeBytes.byteOffset, n - 1);
  else {
    edgeCode = new Uint16Array(n - 1);
    for (let k = 0; k < n - 1; k++) edgeCode[k] = codeBytes[k * 2]! | (codeBytes[k * 2 + 1]! << 8);
  }
  // One pass over the nodes (this runs cold, once per frame: every pass counts); the nodes with a dense row
  // are listed on the way and their rows filled after.
  const denseIds: number[] = [];
  let e = 0;
  let w = 0;
  let terminals = 0;
  for (let id = 0; id < n; id++) {
    let c = counts[id]!;
    if (c === 255) {
      const big = wire.wide[w++];
      if (!isInt(big) || big < 255) return null;
      c = big;
    }
    // Breadth-first: a node's children come after it, so every walk moves forward and ends.
    if (c > 0 && e < id) return null;
    edgeStart[id] = e;
    edgeCount[id] = c;
    e += c;
    if (e > n - 1) return null;
    if (c >= DENSE_MIN_CHILDREN) denseIds.push(id);
    if ((endBits[id >> 3]! >> (id & 7)) & 1) terminal[id] = terminals++;
  }
  if (e !== n - 1 || w !== wire.wide.length) return null;
  const dense = new Int32Array(denseIds.length * 128).fill(-1);
  for (let r = 0; r < denseIds.length; r++) {
    const id = denseIds[r]!;
    const d = r * 128;
    denseOffset[id] = d;
    const s = edgeStart[id]!;
    for (let k = s; k < s + edgeCount[id]!; k++) if (edgeCode[k]! < 128) dense[d + edgeCode[k]!] = k + 1;
  }
  // The pair prefilter from the trie's first two levels: a key of one ASCII letter, or whose second code unit
  // is not ASCII, opens its whole row (what buildTrie does key by key).
  const pairs = new Uint8Array(128 * 128);
  for (let k = edgeStart[0]!; k < edgeStart[0]! + edgeCount[0]!; k++) {
    const c1 = edgeCode[k]!;
    const first = k + 1;
    if (c1 >= 128) continue;
    const s = edgeStart[first]!;
    let whole = terminal[first]! >= 0;
    for (let j = s; j < s + edgeCount[first]! && !whole; j++) {
      if (edgeCode[j]! >= 128) whole = true;
      else pairs[c1 * 128 + edgeCode[j]!] = 1;
    }
    if (whole) pairs.fill(1, c1 * 128, c1 * 128 + 128);
  }
  // Holes until a walk reaches them (walk calls lazyValues); a hole per key costs nothing to make.
  const values = new Array<T[]>(terminals);
  const trie = { edgeStart, edgeCount, edgeCode, denseOffset, dense, terminal, values, rootAscii, pairs } as unknown as FlatTrie<T>;
  let keys: string[] | null = null;
  Object.defineProperty(trie, 'keys', { enumerable: true, get: () => (keys ??= keysOf(trie)) });
  lazyValues.set(trie, (t) => {
    if (t >= 0 && t < terminals) values[t] = makeValues(t);
  });
  return trie;
}
