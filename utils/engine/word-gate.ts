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

/** One word of every alias key of a core actor in force, folded: in any case, or where not lower case first. */
export interface WordGate {
  any: ReadonlySet<string>;
  cased: ReadonlySet<string>;
}

/** A page word of this many characters or more also counts by its prefixes of this length or more. */
export const GATE_PREFIX_MIN = 4;

/** Code units that fold to nothing inside a word (the engine's IGNORABLES). */
export const GATE_IGNORABLES: ReadonlySet<number> = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x0640, 0x180e]);

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

/** The engine's folds of letters that NFKD leaves alone (normalise.ts EXTRA_FOLDS). */
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ħ: 'h', ŧ: 't', ŀ: 'l', ĸ: 'k', ŋ: 'n', ſ: 's',
  ς: 'σ',
};

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
  if (GATE_IGNORABLES.has(code)) return '';
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

const isLower = (code: number): boolean => {
  if (code < 128) return code >= 97 && code <= 122;
  const ch = String.fromCharCode(code);
  return ch !== ch.toUpperCase();
};

/** Whether the folded word (first code unit `first` on the page) is, or begins with, a gate word. */
function wordPasses(word: string, first: number, gate: WordGate): boolean {
  const cased = !isLower(first);
  if (gate.any.has(word) || (cased && gate.cased.has(word))) return true;
  // A stem less a glued suffix: the engine tries those at a capitalised word only (index.ts turkishStem).
  if (!cased) return false;
  for (let len = GATE_PREFIX_MIN; len < word.length; len++) {
    const prefix = word.slice(0, len);
    if (gate.any.has(prefix) || (cased && gate.cased.has(prefix))) return true;
  }
  return false;
}

/** A word split over more pieces than this counts as a word the gate cannot fold (letter-by-letter spans). */
const MAX_PIECES_PER_WORD = 8;

/**
 * Reads text in pieces (a page's text nodes, in order) and says whether it could hold a mention. Where two
 * pieces meet inside a word, the word may run on ("Erdo<b>ğan</b>") or end there (`<td>Idlib</td><td>Russia</td>`:
 * table cells, list items and other blocks meet with no space between them), so every run of consecutive
 * pieces of the word is checked as a word.
 */
export class WordGateReader {
  /** The current word's parts, one per piece it spans, folded, with each part's first code unit. */
  private parts: string[] = [];
  private firsts: number[] = [];
  private unknown = false;
  private hit = false;

  constructor(private readonly gate: WordGate) {}

  /** Reads one more piece; true once a word could start a mention (then nothing more need be read). */
  read(text: string): boolean {
    if (this.hit) return true;
    const n = text.length;
    let i = 0;
    while (i <= n) {
      // One word's part: [i, j), folded into `folded` up to `from`, ASCII letters and digits from there.
      let folded = '';
      let from = i;
      let upper = false;
      let first = -1;
      let j = i;
      for (; j < n; j++) {
        const code = text.charCodeAt(j);
        if (code < 128) {
          if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
            if (first < 0) first = code;
            continue;
          }
          if (code >= 65 && code <= 90) {
            if (first < 0) first = code;
            upper = true;
            continue;
          }
          break;
        }
        const f = gateFold(code);
        if (f === GATE_SEPARATOR) break;
        if (f === GATE_UNKNOWN) this.unknown = true;
        if (f !== '' && first < 0) first = code;
        const run = text.slice(from, j);
        folded += (upper ? run.toLowerCase() : run) + (f === GATE_UNKNOWN ? '' : f);
        from = j + 1;
        upper = false;
      }
      const run = text.slice(from, j);
      const part = folded + (upper ? run.toLowerCase() : run);
      if (part !== '') {
        this.parts.push(part);
        this.firsts.push(first);
      }
      if (j === n) return false; // the piece ends: the word may go on in the next one
      if (this.endWord()) return true;
      i = j + 1;
    }
    return false;
  }

  /** The end of the text: the last word counts too. */
  finish(): boolean {
    return this.hit || this.endWord();
  }

  /** The word ends: any run of its consecutive parts may be the page's word. */
  private endWord(): boolean {
    const { parts, firsts } = this;
    if (this.unknown || parts.length > MAX_PIECES_PER_WORD) this.hit = true;
    else {
      for (let a = 0; a < parts.length && !this.hit; a++) {
        let word = '';
        for (let b = a; b < parts.length; b++) {
          word += parts[b];
          if (wordPasses(word, firsts[a]!, this.gate)) {
            this.hit = true;
            break;
          }
        }
      }
    }
    this.parts = [];
    this.firsts = [];
    this.unknown = false;
    return this.hit;
  }
}

/** Whether a string could hold a mention. */
export function textMayMention(text: string, gate: WordGate): boolean {
  const reader = new WordGateReader(gate);
  return reader.read(text) || reader.finish();
}

/** Changes when the gate's words or its reading change: a gate stored by another build is not used. */
export const GATE_FORMAT = 1;

/** The stamp of a gate made with these built-in bases by this build. */
export const gateStamp = (builtInStamp: string): string => `${GATE_FORMAT}:${builtInStamp}`;

/** The gate as stored: its words joined by spaces, and the stamp of what it was made from. */
export interface StoredGate {
  stamp: string;
  any: string;
  cased: string;
}

const words = (joined: string): Set<string> => new Set(joined === '' ? [] : joined.split(' '));

/** The stored gate when it has this shape and stamp, else null (the app then loads: it decides). */
export function readStoredGate(raw: unknown, stamp: string): WordGate | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const g = raw as Partial<Record<keyof StoredGate, unknown>>;
  if (g.stamp !== stamp || typeof g.any !== 'string' || typeof g.cased !== 'string') return null;
  return { any: words(g.any), cased: words(g.cased) };
}
