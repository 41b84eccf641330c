// The loader's reading of a frame's text against the gate (word-gate.ts): whether it could hold a mention.
// It runs over every character of a page before the app is loaded, mostly as cold code, so it leaves the
// characters to the browser's own string functions: a text whose non-ASCII code units all fold to ASCII (curly
// quotes, dashes, accented Latin letters: most pages) is folded with one replace, and one regular expression
// (the gate's candidates, written by the background) points at the words that begin with a gate word; only
// those, and words that span pieces, are read one by one (on most pages, none); a gate too big for one
// expression (a pack of thousands of aliases: word-gate.ts MAX_CANDIDATES_SOURCE) reads every word. The code-unit reader
// (word-gate.ts CodeUnitReader), which folds every character in JavaScript, reads the rest (Greek, Cyrillic,
// and scripts the gate does not fold). The two say the same of every text (tests/unit/gate-reader.test.ts).
// Reading every word (a split, then a look-up each) cost pages that name no one about as much again as
// walking their nodes (docs/benchmarks.md).
import { CodeUnitReader, GATE_PREFIX_MIN, GATE_SEPARATOR, GATE_UNKNOWN, MAX_PIECES_PER_WORD, PIECE_BREAK, SPANNING_PIECES, gateFold, isLower, type WordGate } from './word-gate';

const NON_ASCII = /[^\0-\x7f]/;
const EACH_NON_ASCII = /[^\0-\x7f]/g;
/** What separates words once a text is folded to ASCII (a gate without candidates splits at it). */
const BETWEEN_WORDS = /[^A-Za-z0-9\0]+/;
const ASCII_WORD = /^[a-z0-9]*$/;
const BREAK = String.fromCharCode(PIECE_BREAK);

/** Per non-ASCII code unit met: its ASCII form, or null when it has none (then the code-unit reader reads the text). */
const asciiForms = new Map<number, string | null>();

/**
 * A code unit's ASCII form: a space for a separator, nothing for an ignorable, its fold for a letter that folds
 * to ASCII, with its case kept (a cased word counts where a word does not begin in lower case).
 */
function asciiFormOf(code: number): string | null {
  const fold = gateFold(code);
  if (fold === GATE_SEPARATOR) return ' ';
  if (fold === GATE_UNKNOWN || !ASCII_WORD.test(fold)) return null;
  return isLower(code) ? fold : fold.toUpperCase();
}

/** The text folded to ASCII (the letters keeping their case), or null when a code unit has no ASCII form. */
export function asciiFold(text: string): string | null {
  if (!NON_ASCII.test(text)) return text;
  let whole = true;
  const folded = text.replace(EACH_NON_ASCII, (ch) => {
    const code = ch.charCodeAt(0);
    let form = asciiForms.get(code);
    if (form === undefined) asciiForms.set(code, (form = asciiFormOf(code)));
    if (form === null) whole = false;
    return form ?? '';
  });
  return whole ? folded : null;
}

/**
 * Reads text in pieces (a page's text nodes, in order; a piece may hold several joined by PIECE_BREAK) and
 * says whether it could hold a mention, as the code-unit reader does: where two pieces meet inside a word,
 * the word is read both as it runs on and as it ends there ("Erdo<b>ğan</b>", `<td>Idlib</td><td>Russia</td>`).
 */
export class WordGateReader {
  /** The text's last word, not yet read: it may go on in the next piece. */
  private carry = '';
  /** The code-unit reader, once a piece needed it. */
  private slow: CodeUnitReader | null = null;
  private hit = false;

  constructor(private readonly gate: WordGate) {}

  /** Reads one more piece; true once a word could start a mention (then nothing more need be read). */
  read(text: string): boolean {
    if (this.hit) return true;
    // A word the code-unit reader began goes on there.
    const ascii = this.slow?.midWord ? null : asciiFold(text);
    if (ascii === null) return this.readSlowly(text);
    const joined = this.carry === '' ? ascii : this.carry + BREAK + ascii;
    const candidates = this.gate.candidates;
    if (candidates === null) return this.everyWordHits(joined) && (this.hit = true);
    // The last word may go on in the next piece: it is read then.
    let end = joined.length;
    while (end > 0 && isWordUnit(joined.charCodeAt(end - 1))) end--;
    this.carry = joined.slice(end);
    return this.completeWordsHit(candidates, joined, end) && (this.hit = true);
  }

  /** A gate without candidates: every word but the last (which may go on in the next piece) is read. */
  private everyWordHits(text: string): boolean {
    const words = text.split(BETWEEN_WORDS);
    const last = words.length - 1;
    this.carry = words[last]!;
    for (let i = 0; i < last; i++) if (words[i] !== '' && this.wordHits(words[i]!)) return true;
    return false;
  }

  /**
   * Whether one of the words before `end` is a gate word where it stands. Only the words the candidates'
   * expression points at are read (on most pages, none): native code goes over the rest, where a loop over
   * every word, mostly cold, cost a page like medicalnewstoday about as much as walking its nodes.
   */
  private completeWordsHit(candidates: RegExp, text: string, end: number): boolean {
    // Lower-cased, the text keeps its length (it is ASCII): the expression need not ignore case, which makes it
    // about twice as quick to compile, and the words are read from the text itself.
    return this.wordsAtHit(candidates, text.toLowerCase(), text, end) || this.wordsAtHit(SPANNING_PIECES, text, text, end);
  }

  /** Whether one of the words before `end` of `text` where `points` (a global expression) matches `searched` is a gate word. */
  private wordsAtHit(points: RegExp, searched: string, text: string, end: number): boolean {
    points.lastIndex = 0;
    for (let m = points.exec(searched); m !== null && m.index < end; m = points.exec(searched)) {
      // The whole word around it: the run of letters, digits and piece breaks it is in.
      let from = m.index;
      while (from > 0 && isWordUnit(text.charCodeAt(from - 1))) from--;
      let to = m.index + m[0].length;
      while (to < end && isWordUnit(text.charCodeAt(to))) to++;
      if (this.wordHits(text.slice(from, to))) return true;
      points.lastIndex = to;
    }
    return false;
  }

  /** The end of the text: the last word counts too. */
  finish(): boolean {
    if (this.hit) return true;
    if (this.slow?.midWord) return (this.hit = this.slow.finish());
    const word = this.carry;
    this.carry = '';
    return (this.hit = word !== '' && this.wordHits(word));
  }

  private readSlowly(text: string): boolean {
    const slow = (this.slow ??= new CodeUnitReader(this.gate.hashed()));
    const carry = this.carry;
    this.carry = '';
    return (this.hit = (carry !== '' && slow.read(carry)) || slow.read(text));
  }

  /** Whether a word (letters and digits of the ASCII form, perhaps with piece breaks) is a gate word where it stands. */
  private wordHits(word: string): boolean {
    // Breaks before any letter are only breaks between words (text nodes of spaces are most of a page's nodes).
    let from = 0;
    while (from < word.length && word.charCodeAt(from) === PIECE_BREAK) from++;
    const inner = word.indexOf(BREAK, from);
    if (inner < 0) return this.plainHits(from === 0 ? word : word.slice(from));
    let end = word.length;
    while (end > from && word.charCodeAt(end - 1) === PIECE_BREAK) end--;
    // Breaks after its letters only: the word, then pieces with nothing in them.
    if (inner >= end) return word.length - end + 1 > MAX_PIECES_PER_WORD || this.plainHits(word.slice(from, end));
    return this.piecesHit(word.slice(from));
  }

  /** A word of one piece. */
  private plainHits(word: string): boolean {
    const folded = word.toLowerCase();
    if (this.gate.any.has(folded)) return true;
    return startsCapital(word) && (this.gate.cased.has(folded) || this.prefixHit(folded));
  }

  /**
   * A capitalised word whose first GATE_PREFIX_MIN characters or more are a gate word counts: the stem of a name
   * with a suffix glued to it ("ERDOGANIN"; the engine's rule, index.ts turkishStem).
   */
  private prefixHit(folded: string): boolean {
    if (folded.length <= GATE_PREFIX_MIN) return false;
    const words = this.gate.byPrefix.get(folded.slice(0, GATE_PREFIX_MIN));
    if (words) for (const w of words) if (w.length < folded.length && folded.startsWith(w)) return true;
    return false;
  }

  /**
   * A word that spans pieces: every run of consecutive pieces is read as a word, each run from where it begins
   * (its case is its first letter's), as the code-unit reader reads them. Rare: a name split by markup.
   */
  private piecesHit(word: string): boolean {
    const pieces = word.split(BREAK);
    if (pieces.length > MAX_PIECES_PER_WORD) return true;
    const { any, cased } = this.gate;
    for (let i = 0; i < pieces.length; i++) {
      const run = pieces.slice(i).join('');
      if (run === '') continue;
      const capital = startsCapital(run);
      let upTo = '';
      for (let j = i; j < pieces.length; j++) {
        upTo += pieces[j]!;
        if (upTo === '') continue;
        const folded = upTo.toLowerCase();
        if (any.has(folded) || (capital && cased.has(folded))) return true;
      }
      const folded = run.toLowerCase();
      if (!capital) continue;
      for (let k = GATE_PREFIX_MIN; k < folded.length; k++) {
        const prefix = folded.slice(0, k);
        if (any.has(prefix) || cased.has(prefix)) return true;
      }
    }
    return false;
  }
}

/** Whether a code unit of a text folded to ASCII belongs to a word: a letter, a digit, or a piece break. */
function isWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === PIECE_BREAK;
}

/** Whether an ASCII word does not begin in lower case (a digit counts as not). */
function startsCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 97 || c > 122;
}

/** Whether a string could hold a mention. */
export function textMayMention(text: string, gate: WordGate): boolean {
  const reader = new WordGateReader(gate);
  return reader.read(text) || reader.finish();
}
