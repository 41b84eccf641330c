// Character classes and folding for matching: case, diacritics, apostrophes, dashes and odd spaces.
//
// The matcher folds characters on the fly from these tables (no folded copy of the page text);
// `normalise()` builds a folded string with an offset map for the rare places that need one
// (alias keys at compile time, the words around a surname, cue scans in tests and tools).
//
// Folding is per UTF-16 code unit: NFKD, drop combining marks, lower case, then a few letters that
// Unicode does not decompose (ı ł ø đ ß æ œ …). Surrogate halves (astral characters, mostly emoji)
// are classed as punctuation: an astral letter next to an alias counts as a word boundary.
// Letters, digits, marks and spaces are told apart by a generated table (unicode-classes.ts), not by
// \p{…} regular expressions: compiling those cost a page 1.4-3.2 ms at its first non-ASCII character, and
// the table classes alike in every browser and in Node.
import { lastAtMost } from './sorted';
import { CLASS_RUNS } from './unicode-classes';
import { EXTRA_FOLDS, IGNORABLES } from './own-folds';

/** A letter or digit of any script. */
export const CLS_WORD = 1;
/** A combining mark: belongs to the letter before it, folds to nothing. */
export const CLS_MARK = 2;
/** Invisible inside words (soft hyphen, zero-width characters, tatweel): folds to nothing. */
export const CLS_IGNORE = 3;
/** Any space, tab or line break, non-breaking and typographic spaces included: folds to " ". */
export const CLS_SPACE = 4;
/** Straight, curly and modifier apostrophes: fold to "'". */
export const CLS_APOS = 5;
/** Hyphens, dashes and minus signs: fold to "-". */
export const CLS_HYPHEN = 6;
/** Everything else: punctuation, symbols, surrogate halves. */
export const CLS_OTHER = 7;

/** FOLD value of a character that folds to several characters (see EXPANSIONS). */
const FOLD_EXPANDS = 0xffff;
/** FOLD value of a character that folds to nothing (marks, ignorables). */
const FOLD_NONE = 0xfffe;

/** Class of every BMP code unit; 0 = not computed yet (computed on first sight). */
const CLASS = new Uint8Array(65536);
/** Folded code unit of every BMP code unit (meaningful once CLASS is set). */
const FOLD = new Uint16Array(65536);
/** Folded strings of the characters whose FOLD is FOLD_EXPANDS. */
const EXPANSIONS = new Map<number, string>();

/** Where each run of the generated table starts, and its class (decoded on the first non-ASCII character). */
let runStarts: Int32Array | null = null;
let runClasses: Uint8Array | null = null;

function decodeRuns(): void {
  const runs = CLASS_RUNS;
  runStarts = new Int32Array(runs.length);
  runClasses = new Uint8Array(runs.length);
  let at = 0;
  for (let i = 0; i < runs.length; i++) {
    const v = runs[i]!;
    runStarts[i] = at;
    runClasses[i] = v & 7;
    at += v >>> 3;
  }
}

/** The table's classes that are not a CLS_* of their own (its mark, space and other are CLS_MARK, CLS_SPACE, CLS_OTHER). */
const TABLE_LETTER = 1;
const TABLE_NUMBER = 3;

/** The table's class of a BMP code unit: TABLE_LETTER, CLS_MARK, TABLE_NUMBER, CLS_SPACE or CLS_OTHER. */
function tableClass(code: number): number {
  if (runStarts === null) decodeRuns();
  return runClasses![lastAtMost(runStarts!, code)]!;
}

/** The Unicode class of a BMP code unit (CLS_WORD, CLS_MARK, CLS_SPACE or CLS_OTHER), from the table. */
function unicodeClass(code: number): number {
  const cls = tableClass(code);
  return cls === TABLE_LETTER || cls === TABLE_NUMBER ? CLS_WORD : cls;
}

/** A letter or number of any script (\p{L} or \p{N}), by Unicode alone (charClass's apostrophes and ignorables aside). */
export function isLetterOrNumberCode(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  const cls = tableClass(code);
  return cls === TABLE_LETTER || cls === TABLE_NUMBER;
}

/** A letter of any script (\p{L}; digits and other numbers are not). */
export function isLetterCode(code: number): boolean {
  return code < 128 ? (code >= 65 && code <= 90) || (code >= 97 && code <= 122) : tableClass(code) === TABLE_LETTER;
}

/** The string less its combining marks. */
function withoutMarks(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (unicodeClass(code) !== CLS_MARK) out += s[i];
  }
  return out;
}
const APOSTROPHES = new Set([0x2018, 0x2019, 0x201b, 0x02bc, 0x02b9, 0x2032, 0x00b4, 0xff07, 0x055a]);
const HYPHENS = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d, 0x2e3a, 0x2e3b]);

function foldString(ch: string): string {
  let s = withoutMarks(ch.normalize('NFKD')).toLowerCase();
  let out = '';
  for (const part of s) out += EXTRA_FOLDS[part] ?? part;
  s = out;
  // Lower-casing can reintroduce marks (İ → i̇); NFKD again and drop them.
  if (s.normalize('NFD') !== s) s = withoutMarks(s.normalize('NFD'));
  return s;
}

function computeClass(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) {
    CLASS[code] = CLS_OTHER;
    FOLD[code] = code;
    return CLS_OTHER;
  }
  const ch = String.fromCharCode(code);
  let cls: number;
  if (IGNORABLES.has(code)) cls = CLS_IGNORE;
  else if (APOSTROPHES.has(code)) cls = CLS_APOS;
  else if (HYPHENS.has(code)) cls = CLS_HYPHEN;
  else cls = unicodeClass(code);
  let fold: number;
  if (cls === CLS_IGNORE || cls === CLS_MARK) fold = FOLD_NONE;
  else if (cls === CLS_APOS) fold = 39;
  else if (cls === CLS_HYPHEN) fold = 45;
  else if (cls === CLS_SPACE) fold = 32;
  else {
    const folded = foldString(ch);
    if (folded.length === 1) fold = folded.charCodeAt(0);
    else if (folded.length === 0) fold = FOLD_NONE;
    else {
      fold = FOLD_EXPANDS;
      EXPANSIONS.set(code, folded);
    }
  }
  FOLD[code] = fold;
  CLASS[code] = cls;
  return cls;
}

// ASCII is filled eagerly: the matcher's hot loop reads these tables directly.
for (let c = 0; c < 128; c++) {
  let cls: number;
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) cls = CLS_WORD;
  else if (c === 32 || (c >= 9 && c <= 13)) cls = CLS_SPACE;
  else if (c === 39 || c === 96) cls = CLS_APOS;
  else if (c === 45) cls = CLS_HYPHEN;
  else cls = CLS_OTHER;
  CLASS[c] = cls;
  FOLD[c] = cls === CLS_SPACE ? 32 : cls === CLS_APOS ? 39 : c >= 65 && c <= 90 ? c + 32 : c;
}

/** The class of a UTF-16 code unit (CLS_*). */
export function charClass(code: number): number {
  const cls = CLASS[code]!;
  return cls !== 0 ? cls : computeClass(code);
}

/** True for letters, digits and combining marks: the characters a word boundary may not cut. */
export function isWordCode(code: number): boolean {
  const cls = charClass(code);
  return cls === CLS_WORD || cls === CLS_MARK;
}

/** Upper-case letter (cased scripts only). */
export function isUpperCode(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  const ch = String.fromCharCode(code);
  return ch !== ch.toLowerCase();
}

/** Lower-case letter (cased scripts only); caseless letters (Arabic, CJK) are neither. */
export function isLowerCode(code: number): boolean {
  if (code < 128) return code >= 97 && code <= 122;
  const ch = String.fromCharCode(code);
  return ch !== ch.toUpperCase();
}

/**
 * Folded form of one code unit: a single code unit (returned as a number), or, rarely, a string
 * (ß → "ss", ﬁ → "fi"), or -1 when it folds to nothing (combining marks, soft hyphens).
 */
export function foldCode(code: number): number | string {
  if (CLASS[code] === 0) computeClass(code);
  const f = FOLD[code]!;
  if (f === FOLD_NONE) return -1;
  if (f === FOLD_EXPANDS) return EXPANSIONS.get(code)!;
  return f;
}

/** Raw tables for the matcher's hot loop (read-only by convention). */
export const FOLD_TABLES = { CLASS, FOLD, FOLD_NONE, FOLD_EXPANDS, EXPANSIONS, computeClass } as const;

export interface Normalised {
  /** Folded text: lower case, no diacritics, ' for apostrophes, - for dashes, one space per run of spaces. */
  folded: string;
  /** For each folded code unit, the offset of the original code unit it came from. */
  starts: Int32Array;
  /** Original length. */
  originalLength: number;
}

/**
 * Fold a string for matching and keep a map back to the original offsets.
 * Runs of spaces (any kind, line breaks included) become one space; marks and ignorables vanish.
 */
export function normalise(text: string): Normalised {
  const n = text.length;
  let buf = new Uint16Array(n + 8);
  let starts = new Int32Array(n + 8);
  let len = 0;
  let lastSpace = false;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (CLASS[code] === 0) computeClass(code);
    const f = FOLD[code]!;
    if (f === FOLD_NONE) continue;
    if (f === 32) {
      if (lastSpace) continue;
      lastSpace = true;
    } else lastSpace = false;
    const piece = f === FOLD_EXPANDS ? EXPANSIONS.get(code)! : null;
    const need = len + (piece ? piece.length : 1);
    if (need > buf.length) {
      const nb = new Uint16Array(need * 2);
      nb.set(buf);
      buf = nb;
      const ns = new Int32Array(need * 2);
      ns.set(starts);
      starts = ns;
    }
    if (piece) {
      for (let k = 0; k < piece.length; k++) {
        buf[len] = piece.charCodeAt(k);
        starts[len++] = i;
      }
    } else {
      buf[len] = f;
      starts[len++] = i;
    }
  }
  let folded = '';
  const CHUNK = 8192;
  for (let k = 0; k < len; k += CHUNK) {
    folded += String.fromCharCode.apply(null, buf.subarray(k, Math.min(len, k + CHUNK)) as unknown as number[]);
  }
  return { folded, starts: starts.subarray(0, len), originalLength: n };
}

/**
 * Map a folded range [fStart, fEnd) back to the original text. The end extends over marks that follow
 * the last character (they belong to it).
 */
export function toOriginalRange(text: string, norm: Normalised, fStart: number, fEnd: number): [number, number] {
  const start = fStart < norm.starts.length ? norm.starts[fStart]! : norm.originalLength;
  let end = fEnd > 0 ? norm.starts[fEnd - 1]! + 1 : 0;
  while (end < text.length && charClass(text.charCodeAt(end)) === CLS_MARK) end++;
  return [start, end];
}

/** Folded form of a short string (alias, cue, given name), trimmed of spaces. */
export function foldKey(text: string): string {
  return normalise(text).folded.trim();
}
