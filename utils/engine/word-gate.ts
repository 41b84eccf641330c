// The loader's second decision (utils/page/app-loader.ts): could this frame's text hold a mention at all?
// Most pages a reader opens name no actor of any fact base in force, and the content app (135 KB, its
// matcher, its scan) is then loaded for nothing. The background writes, with the frames' record, one word
// of every alias key of a core actor (gate-words.ts); the loader reads the frame's words (utils/page/
// frame-words.ts) and loads the app only when one of them is such a word, or a word it cannot fold as the
// engine would.
//
// The check must never say "no" where the engine could mark something, so it errs one way only:
// - words are split and folded as the engine does (normalise.ts) for ASCII, Latin with its diacritics and
//   IPA, Greek and Cyrillic, the spaces, apostrophes, dashes, punctuation and symbols of GATE_SEPARATORS, and
//   the ignorables; tests/unit/word-gate.test.ts holds every BMP code unit of those to the engine's tables;
// - a word holding any other character (Arabic, Hebrew, CJK, Indic, "™"…) is a word it cannot fold: the app loads;
// - a capitalised word whose first four characters or more are a gate word counts ("ERDOGANIN": Turkish
//   suffixes glued to a name), and a word of the cased set counts only where the page's word does not begin
//   in lower case (the alias's case rule asks that much: "Idlib", not "idlib", for an alias written "Idlib").
// Pure: no DOM, no browser API, no regular expression (compiling \p{…} ones cost a page milliseconds).
import { EXTRA_FOLDS, IGNORABLES } from './own-folds';

/**
 * One word of every alias key of a core actor in force, folded: counted in any case, or where the page's word
 * does not begin in lower case.
 */
export interface WordGate {
  any: ReadonlySet<string>;
  cased: ReadonlySet<string>;
  /** The words of both sets of GATE_PREFIX_MIN characters or more, by their first GATE_PREFIX_MIN (a capitalised word counts by its prefixes). */
  byPrefix: ReadonlyMap<string, readonly string[]>;
  /** The same words as hashes (wordHash), for the reading code unit by code unit; made when first asked. */
  hashed(): HashedGate;
  /**
   * Where in a text folded to ASCII and lower-cased a gate word begins a word (gate-reader.ts reads only the
   * words there, and those SPANNING_PIECES points at), or null where the gate reads every word (no ASCII word,
   * or too many: candidatesSource); the loader's is the expression the background wrote.
   */
  readonly candidates: RegExp | null;
}

/**
 * The candidates' expression for these words, as a source for a global RegExp over lower-cased text ('' for
 * none): each ASCII word of the gate where no letter or digit precedes it (a piece break may: a word may begin
 * where two pieces meet). A word that hits and stays in one piece begins with a gate word, whole or as the stem
 * of a capitalised word. The background writes it with the words: the page only compiles it.
 */
export function candidatesSource(words: Iterable<string>): string {
  const ascii = [...new Set(words)].filter((w) => /^[a-z0-9]+$/.test(w));
  const source = ascii.length > 0 ? `(?<![a-z0-9])${alternation(ascii)}` : '';
  return source.length <= MAX_CANDIDATES_SOURCE ? source : '';
}

/**
 * Past this many characters the expression costs a page more than reading every word: compiled and run over
 * wikipedia-2's text (Node, cold) the built-in gate's 250 words (1,179 characters) took 2.6 ms, 1,000 words of a
 * big pack (5,956) 7.2 ms, 10,000 words (62,442) 61 ms. A bigger gate reads every word (gate-reader.ts).
 */
export const MAX_CANDIDATES_SOURCE = 4096;

/** A node of alternation's trie: the words going on from here by their next letter, and whether one ends here. */
interface PrefixNode {
  next: Map<string, PrefixNode>;
  ends: boolean;
}

/**
 * An expression of these words (letters and digits only) with their common beginnings written once
 * ("iran(?:ian|…)?" for "iran", "iranian"…): a third shorter than the words joined by "|", and quicker for
 * the page to compile and run.
 */
function alternation(words: readonly string[]): string {
  const root: PrefixNode = { next: new Map(), ends: false };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), ends: false }));
      node = child;
    }
    node.ends = true;
  }
  const write = (node: PrefixNode): string => {
    const branches = [...node.next].map(([ch, child]) => ch + write(child));
    if (branches.length === 0) return '';
    if (branches.length === 1 && !node.ends) return branches[0]!;
    return `(?:${branches.join('|')})${node.ends ? '?' : ''}`;
  };
  return write(root);
}

/** The gate's words as hashes. Two words of one hash count alike: a page let through by a collision only loads the app, which decides. */
export interface HashedGate {
  any: ReadonlySet<number>;
  cased: ReadonlySet<number>;
}

/** The hash the gate keeps of a folded word: the same, code unit by code unit, as the reader's. */
export function wordHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, HASH_MULTIPLIER) + word.charCodeAt(i)) & HASH_MASK;
  return h;
}

const HASH_MULTIPLIER = 0x01000193;
/** 30 bits: a small integer to the engine (no number boxed per look-up). */
const HASH_MASK = 0x3fffffff;

/** A page word of this many characters or more also counts by its prefixes of this length or more. */
export const GATE_PREFIX_MIN = 4;

/**
 * Ranges [from, to] of non-ASCII code units that are never part of a word for the engine: spaces,
 * apostrophes, dashes, punctuation, currency and other symbols, surrogate halves (emoji). Checked by the test.
 */
export const GATE_SEPARATORS: readonly (readonly [number, number])[] = [
  [0x0080, 0x00a9],
  [0x00ab, 0x00ac],
  [0x00ae, 0x00b1],
  [0x00b4, 0x00b4],
  [0x00b6, 0x00b8],
  [0x00bb, 0x00bb],
  [0x00bf, 0x00bf],
  [0x00d7, 0x00d7],
  [0x00f7, 0x00f7],
  [0x02b9, 0x02b9],
  [0x02bc, 0x02bc],
  [0x055a, 0x055a],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2010, 0x2029],
  [0x202f, 0x205f],
  [0x20a0, 0x20a7],
  [0x20a9, 0x20c0],
  [0x2190, 0x245f],
  [0x2500, 0x2775],
  [0x2794, 0x2bff],
  [0x3000, 0x3004],
  [0x3008, 0x3020],
  [0xd800, 0xf8ff],
  [0xfe58, 0xfe58],
  [0xfe63, 0xfe63],
  [0xff01, 0xff0f],
  [0xff1a, 0xff20],
  [0xfff9, 0xfffd],
];

/**
 * Where the gate folds letters itself, as the engine does (NFKD, marks dropped, lower case, its extra folds):
 * Latin with its diacritics and IPA, Greek, Cyrillic. Other scripts (Arabic, Hebrew, CJK, Indic…) are words
 * it cannot fold.
 */
const FOLDED_RANGES: readonly (readonly [number, number])[] = [
  [0x00aa, 0x00aa],
  [0x00ba, 0x00ba],
  [0x00c0, 0x02af],
  [0x0300, 0x036f],
  [0x0370, 0x03ff],
  [0x0400, 0x052f],
  [0x1e00, 0x1fff],
  [0xfb00, 0xfb06],
];

const inRanges = (ranges: readonly (readonly [number, number])[], code: number): boolean => {
  for (const [from, to] of ranges) if (code >= from && code <= to) return true;
  return false;
};

/** What a code unit is to the gate: a separator, nothing (ignorable), a folded piece, or unknown. */
export const GATE_SEPARATOR = 0;
export const GATE_UNKNOWN = 1;
export type GateFold = typeof GATE_SEPARATOR | typeof GATE_UNKNOWN | string;

const nonAsciiFolds = new Map<number, GateFold>();

const isMark = (c: number): boolean => c >= 0x0300 && c <= 0x036f;

function foldNonAscii(code: number): GateFold {
  if (IGNORABLES.has(code)) return '';
  if (inRanges(GATE_SEPARATORS, code)) return GATE_SEPARATOR;
  if (!inRanges(FOLDED_RANGES, code)) return GATE_UNKNOWN;
  let out = '';
  for (const ch of String.fromCharCode(code).normalize('NFKD')) {
    if (isMark(ch.charCodeAt(0))) continue;
    for (const lower of ch.toLowerCase()) out += EXTRA_FOLDS[lower] ?? lower;
  }
  // Lower-casing can bring marks back (İ → i̇).
  let folded = '';
  for (const ch of out.normalize('NFD')) if (!isMark(ch.charCodeAt(0))) folded += ch;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) continue;
    // A letter of a cased script, lower case, stays itself; anything else (a symbol, a caseless letter) is unknown.
    const ch = folded[i]!;
    if (c < 128 || ch.toUpperCase() === ch) return GATE_UNKNOWN;
  }
  return folded;
}

/** The gate's fold of one UTF-16 code unit. */
export function gateFold(code: number): GateFold {
  if (code < 128) {
    if ((code >= 48 && code <= 57) || (code >= 97 && code <= 122)) return String.fromCharCode(code);
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    return GATE_SEPARATOR;
  }
  let f = nonAsciiFolds.get(code);
  if (f === undefined) nonAsciiFolds.set(code, (f = foldNonAscii(code)));
  return f;
}

/** Whether a code unit is a lower-case letter (a word beginning with one asks a gate word of `any`). */
export const isLower = (code: number): boolean => {
  if (code < 128) return code >= 97 && code <= 122;
  const ch = String.fromCharCode(code);
  return ch !== ch.toUpperCase();
};

/** A word split over more pieces than this counts as a word the gate cannot fold (letter-by-letter spans). */
export const MAX_PIECES_PER_WORD = 8;

/**
 * Where in a text folded to ASCII a word spans pieces: piece breaks between two letters or digits (the word may
 * run on), or MAX_PIECES_PER_WORD of them after one (the code-unit reader's limit). Apart from the candidates:
 * one expression of both ran slower on every character.
 */
export const SPANNING_PIECES = new RegExp(`[A-Za-z0-9]\\0+[A-Za-z0-9]|[A-Za-z0-9]\\0{${MAX_PIECES_PER_WORD}}`, 'g');

/**
 * Inside a text, where two pieces meet (PIECE_BREAK): the caller may join many text nodes' data with it and
 * read them in one call, which the engine optimises sooner than a call per node. A U+0000 of the page's own
 * counts alike (a word read both ways there: never fewer hits).
 */
export const PIECE_BREAK = 0;

/**
 * Reads text in pieces (a page's text nodes, in order) code unit by code unit and says whether it could hold a
 * mention: the reading of text that does not fold to ASCII (gate-reader.ts reads the rest natively). Where two
 * pieces meet inside a word, the word may run on ("Erdo<b>ğan</b>") or end there (`<td>Idlib</td><td>Russia</td>`:
 * table cells, list items and other blocks meet with no space between them), so every run of consecutive
 * pieces of the word is read as a word: one running hash per piece the word has met, no string made.
 */
export class CodeUnitReader {
  /** Per run of the current word (from its start, and from each piece it ran into): its hash and length. */
  private readonly hashes = new Int32Array(MAX_PIECES_PER_WORD);
  private readonly lengths = new Int32Array(MAX_PIECES_PER_WORD);
  /** Per run: whether its first letter is not lower case (-1: no letter yet). */
  private readonly capital = new Int8Array(MAX_PIECES_PER_WORD);
  private runs = 0;
  private hit = false;

  constructor(private readonly gate: HashedGate) {}

  /** Whether the last piece read ended inside a word (the next piece may go on with it). */
  get midWord(): boolean {
    return this.runs > 0;
  }

  /** Reads one more piece; true once a word could start a mention (then nothing more need be read). */
  read(text: string): boolean {
    if (this.hit) return true;
    if (this.runs === 0) return this.readWords(text, 0);
    // A piece boundary inside a word: the word so far may end here, and a run begins with this piece.
    if (this.checkRuns() || this.runs === MAX_PIECES_PER_WORD) return (this.hit = true);
    this.startRun();
    return this.readRuns(text, 0);
  }

  /**
   * The common case, from `from` on with no word begun: one word at a time in local variables (this runs over
   * every character of a page that names no one, mostly before the engine has optimised it).
   */
  private readWords(text: string, from: number): boolean {
    const { any, cased } = this.gate;
    const n = text.length;
    let h = 0;
    let len = 0;
    let capital = false;
    for (let i = from; i < n; i++) {
      let code = text.charCodeAt(i);
      if (code < 128) {
        if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
          if (len === 0) capital = code <= 57;
        } else if (code >= 65 && code <= 90) {
          if (len === 0) capital = true;
          code += 32;
        } else {
          if (len > 0 && (any.has(h) || (capital && cased.has(h)))) return (this.hit = true);
          if (code === PIECE_BREAK && len > 0) {
            // Two pieces meet inside a word: on with one run from the word's start and one from here.
            this.keepWord(h, len, capital);
            this.startRun();
            return this.readRuns(text, i + 1);
          }
          len = h = 0;
          continue;
        }
        h = (Math.imul(h, HASH_MULTIPLIER) + code) & HASH_MASK;
        // A stem less a glued suffix counts at a capitalised word (the engine's rule: index.ts turkishStem); the
        // stem ends before the word does, so a prefix that is already a gate word is a hit, whatever follows.
        if (++len >= GATE_PREFIX_MIN && capital && (cased.has(h) || any.has(h))) return (this.hit = true);
        continue;
      }
      const f = gateFold(code);
      if (f === GATE_SEPARATOR) {
        if (len > 0 && (any.has(h) || (capital && cased.has(h)))) return (this.hit = true);
        len = h = 0;
      } else if (f === GATE_UNKNOWN) return (this.hit = true);
      else if (f !== '') {
        if (len === 0) capital = !isLower(code);
        for (let k = 0; k < f.length; k++) {
          h = (Math.imul(h, HASH_MULTIPLIER) + f.charCodeAt(k)) & HASH_MASK;
          if (++len >= GATE_PREFIX_MIN && capital && (cased.has(h) || any.has(h))) return (this.hit = true);
        }
      }
    }
    // The piece ends inside a word: it may go on in the next piece.
    if (len > 0) this.keepWord(h, len, capital);
    return false;
  }

  /** The word read so far in local variables becomes the first run of a word that spans pieces. */
  private keepWord(h: number, len: number, capital: boolean): void {
    this.runs = 1;
    this.hashes[0] = h;
    this.lengths[0] = len;
    this.capital[0] = capital ? 1 : 0;
  }

  /** A word that spans pieces: every run read at once, until it ends; then on word by word. */
  private readRuns(text: string, from: number): boolean {
    const n = text.length;
    for (let i = from; i < n; i++) {
      const code = text.charCodeAt(i);
      if (code === PIECE_BREAK) {
        if (this.checkRuns() || this.runs === MAX_PIECES_PER_WORD) return (this.hit = true);
        this.startRun();
        continue;
      }
      if (code < 128) {
        if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
          if (this.add(code, code)) return true;
          continue;
        }
        if (code >= 65 && code <= 90) {
          if (this.add(code + 32, code)) return true;
          continue;
        }
        return this.endWord() || this.readWords(text, i + 1);
      }
      const f = gateFold(code);
      if (f === GATE_SEPARATOR) return this.endWord() || this.readWords(text, i + 1);
      if (f === GATE_UNKNOWN) return (this.hit = true);
      for (let k = 0; k < f.length; k++) if (this.add(f.charCodeAt(k), code)) return true;
    }
    return false;
  }

  /** The end of the text: the last word counts too. */
  finish(): boolean {
    return this.hit || (this.runs > 0 && this.endWord());
  }

  private startRun(): void {
    const r = this.runs++;
    this.hashes[r] = 0;
    this.lengths[r] = 0;
    this.capital[r] = -1;
  }

  /** One folded code unit of the word (`page`: the page's own, for its case); true on a hit. */
  private add(code: number, page: number): boolean {
    if (this.runs === 0) this.startRun();
    const { hashes, lengths, capital, gate } = this;
    for (let r = 0; r < this.runs; r++) {
      const h = (Math.imul(hashes[r]!, HASH_MULTIPLIER) + code) & HASH_MASK;
      hashes[r] = h;
      const len = ++lengths[r]!;
      if (capital[r]! < 0) capital[r] = isLower(page) ? 0 : 1;
      // A stem less a glued suffix counts at a capitalised word (the engine's rule: index.ts turkishStem); the
      // stem ends before the word does, so a prefix that is already a gate word is a hit, whatever follows.
      if (len >= GATE_PREFIX_MIN && capital[r] === 1 && (gate.cased.has(h) || gate.any.has(h))) return (this.hit = true);
    }
    return false;
  }

  /** Whether one of the word's runs, ended here, is a gate word. */
  private checkRuns(): boolean {
    const { hashes, lengths, capital, gate } = this;
    for (let r = 0; r < this.runs; r++) {
      if (lengths[r] === 0) continue;
      const h = hashes[r]!;
      if (gate.any.has(h) || (capital[r] === 1 && gate.cased.has(h))) return true;
    }
    return false;
  }

  private endWord(): boolean {
    const hit = this.checkRuns();
    this.runs = 0;
    return hit && (this.hit = true);
  }
}

/** A gate of these folded words (the background's, and the tests'). */
export function gateOf(any: readonly string[], cased: readonly string[]): WordGate {
  const source = candidatesSource([...any, ...cased]);
  return gateWith(any, cased, source === '' ? null : new RegExp(source, 'g'));
}

/** A gate of these words and their candidates' expression (the loader's: as stored, without the code that writes it). */
function gateWith(any: readonly string[], cased: readonly string[], candidates: RegExp | null): WordGate {
  const byPrefix = new Map<string, string[]>();
  for (const word of new Set([...any, ...cased])) {
    if (word.length < GATE_PREFIX_MIN) continue;
    const key = word.slice(0, GATE_PREFIX_MIN);
    const list = byPrefix.get(key);
    if (list) list.push(word);
    else byPrefix.set(key, [word]);
  }
  let hashed: HashedGate | null = null;
  return {
    any: new Set(any),
    cased: new Set(cased),
    byPrefix,
    hashed: () => (hashed ??= { any: new Set(any.map(wordHash)), cased: new Set(cased.map(wordHash)) }),
    candidates,
  };
}

/** Changes when the gate's words or its reading change: a gate stored by another build is not used. */
export const GATE_FORMAT = 3;

/** The stamp of a gate made with these built-in bases by this build. */
export const gateStamp = (builtInStamp: string): string => `${GATE_FORMAT}:${builtInStamp}`;

/** The gate as stored: its words, their candidates' expression, and the stamp of what it was made from. */
export interface StoredGate {
  stamp: string;
  any: string[];
  cased: string[];
  candidates: string;
}

/** The gate stored for these words. */
export const storedGate = (stamp: string, any: string[], cased: string[]): StoredGate => ({
  stamp,
  any,
  cased,
  candidates: candidatesSource([...any, ...cased]),
});

const isWordList = (v: unknown): v is string[] => Array.isArray(v) && v.every((w) => typeof w === 'string' && w !== '');

/** A stored expression, or undefined where it does not compile (storage.local is ours alone, but a damaged one must not throw in a page). */
const expressionOf = (source: string): RegExp | null | undefined => {
  if (source === '') return null;
  try {
    return new RegExp(source, 'g');
  } catch {
    return undefined;
  }
};

/** The stored gate when it has this shape and stamp, else null (the app then loads: it decides). */
export function readStoredGate(raw: unknown, stamp: string): WordGate | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const g = raw as Partial<Record<keyof StoredGate, unknown>>;
  if (g.stamp !== stamp || !isWordList(g.any) || !isWordList(g.cased) || typeof g.candidates !== 'string') return null;
  const candidates = expressionOf(g.candidates);
  return candidates === undefined ? null : gateWith(g.any, g.cased, candidates);
}
