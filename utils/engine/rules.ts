// The rules that decide whether a candidate (an alias found at word boundaries) is a mention.
//
// Order, first decisive rule wins:
// 1. case: the alias's case rule, checked on the ORIGINAL surface (proper: every word the spec
//    capitalises is capitalised or in capitals on the page; exact: same upper/lower pattern; any).
// 2. names, looking only at the words next to it, across spaces only (no line break, no punctuation):
//    a. (aliases marked `surname`, and every alias of a person) followed by a capitalised word →
//       another entity ("Trump Tower", "Wagner Moura", "Donald Trump Jr"):
//       rejected, unless that word is neutral (a function word, day, month), known to the fact base
//       (an alias or a support cue), in capitals (an acronym), or the start of another alias.
//    b. (surnames only) preceded by one of the actor's given names or titles ("Mr Trump", "President Erdogan",
//       "Donald Trump") → accepted, reason given-name (this also settles an ambiguous surname).
//    c. (surnames only) preceded by another capitalised word that is not neutral or known ("Ivanka Trump",
//       "Richard Wagner", "Emine Erdoğan") → another person: rejected. A possessive before
//       ("Syria's Assad") is not a given name.
//    Middle initials are skipped ("Donald J. Trump", "Mary L. Trump"); a quoted nickname counts as a given
//    name (Frederick "Fred" Trump). A neighbour that names what the thing is decides too (kind-word:
//    "Kalin railway", "actor Erdoğan"; "the clerk Turkey" for a state).
//    In capitals-only or title-case text (a headline) capitals say nothing: where a neighbour may be a
//    name, the candidate is 'uncertain-caps' (not marked alone; the document pass decides it from the
//    same name in running text, document.ts). An acronym in capitals-only text is uncertain too ("UN
//    ACUERDO", "LET US").
//    (runs after 3a below.)
// 2d. an ambiguous common-noun alias ("regime") with a modifier of its own is another thing ("the Turkish
//    regime", "a tax regime", "regime de cessar-fogo"): other-modifier.
// 3. cues (matched folded, at word boundaries, from the actor's own lists):
//    a. a contrary cue of the actor in the same sentence rejects ANY alias of that actor, ambiguous or
//       not; a contrary cue may contain the candidate ("trump card", "Russian roulette", "Turkish
//       delight"), a support cue may not (the alias proves nothing about itself).
//    b. an ambiguous alias also needs support: a support cue in the sentence accepts; if the sentence
//       has no cue of that actor at all, the paragraph decides, contrary first. Nothing → rejected.
//    The sentence is the narrow window because a paragraph often mixes topics; the paragraph is the
//    fallback because a cue is often one sentence away ("Wagner ... . The mercenaries ...").
// 4. otherwise accepted (rule 'alias').
// Actual order in decide(): 1, 3a, 2, 3b, 4.
import type { DecisionRule } from './types';
import type { AliasEntry, CueEntry, Matcher } from './matcher';
import { casePattern } from './matcher';
import {
  CLS_APOS,
  CLS_IGNORE,
  CLS_MARK,
  CLS_SPACE,
  CLS_WORD,
  charClass,
  foldKey,
  isLowerCode,
  isUpperCode,
  isWordCode,
  normalise,
  toOriginalRange,
  FOLD_TABLES,
} from './normalise';
import { endsWord, newWalkOut, rootAccepts as rootAcceptsImported, walk as walkImported, type FlatTrie, type WalkOut } from './trie';
import { isCapitalsOnly, isTitleCase, paragraphBounds, sentenceBounds } from './context';

const { CLASS, FOLD, computeClass } = FOLD_TABLES;
// Module-local copies: an imported binding may compile to a getter (tsx, CommonJS), too slow per character.
const WORD = CLS_WORD;
const MARK = CLS_MARK;
const IGNORE = CLS_IGNORE;
const walk = walkImported;
const rootAccepts = rootAcceptsImported;

export interface Verdict {
  accepted: boolean;
  rule: DecisionRule;
  evidence?: string;
}

/** Folded form of a word of the page (ASCII by lower-casing alone, no folding buffer). */
function foldWord(raw: string): string {
  return /^[\x00-\x7f]*$/.test(raw) ? raw.toLowerCase() : foldKey(raw);
}

/** Capitalised words that are not given names: sentence starters, function words, days, months, titles. */
const NEUTRAL_WORDS = new Set(
  (
    'the a an and but or nor so yet then than when while after before as if in on at by for with from to of ' +
    'into onto over under about against between during since until via per that this these those there here ' +
    'where why how what who whom whose which it its he she they we you i his her their our your my me him ' +
    'them us is was were are be been has had have do does did will would shall should can could may might ' +
    'must said says say told tells also meanwhile however still now today yesterday tomorrow tonight ' +
    'earlier later last next new former late not no yes all both each every some many most more other ' +
    'such only even just like unlike despite although though because whether once according ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december ' +
    'mr mrs ms miss dr sir dame lord lady prof president vice premier minister chancellor king queen prince ' +
    'princess general gen col colonel commander leader chief spokesman spokeswoman spokesperson senator ' +
    'sen rep representative governor gov mayor judge justice secretary ambassador envoy sheikh emir sultan ' +
    'marshal field ' +
    // The same in the languages the story is reported in (sentence starters, function words), so that
    // "Также Эрдоган", "Laut Erdogan", "Selon Erdogan" are not read as another given name.
    'der die das den dem des ein eine und oder auch laut nach wie als bei mit von zu im am dass aber doch heute gestern ' +
    'herr frau präsident prasident staatschef kanzler ' +
    'le la les l du un une et ou mais aussi selon pour par dans sur avec chez président president ' +
    'el los las lo del al y pero también tambien según segun para por en con presidente señor senor ' +
    'o os as da do dos das ao e mas também segundo ' +
    'и в во на по с со к о об от для также однако ранее затем при но а как что это президент глава лидер ' +
    've ile de da ki için icin ama ancak ayrıca ayrica cumhurbaşkanı cumhurbaskani başkan baskan sayın sayin'
  ).split(' '),
);

/** Words that tie a common-noun alias to what follows ("regime of sanctions", "regime de cessar-fogo"). */
const OF_WORDS = new Set('of de du des del di do da dos das'.split(' '));

/**
 * Words that say what kind of thing a name stands for (collocations), folded. After a person's name, a
 * place or a work named after someone ("Kalin railway", "Trump station"); before a person's name, an
 * occupation that introduces another person ("actor Erdoğan Atalay"); before a state's name, a word that
 * makes it a person's name or nickname ("the clerk Turkey", "nicknamed Turkey").
 */
const KIND_AFTER_PERSON = new Set(
  ('railway railways railroad station village villages town district river street road avenue square bridge dam lake ' +
    'valley mountain county airport stadium mosque school university hospital neighbourhood neighborhood quarter ' +
    'demiryolu istasyonu koyu köyü mahallesi caddesi').split(' '),
);
const KIND_BEFORE_PERSON = new Set(
  ('actor actress singer footballer player painter poet novelist composer rapper comedian schauspieler sanger ' +
    'sänger oyuncu sarkici şarkıcı acteur chanteur actor actriz cantante').split(' '),
);
const KIND_BEFORE_PLACE = new Set('clerk clerks scrivener nicknamed nickname'.split(' '));

/** A word next to a candidate: [start, end) in the original text. */
interface Word {
  start: number;
  end: number;
}

/** Scratch for walks made by the rules (never two at once). */
const rulesScratch: WalkOut = newWalkOut();

/** Cue hits of one actor found so far in a text, in order of start, covering [scanFrom, scanTo). */
class CueHits {
  starts: number[] = [];
  ends: number[] = [];
  support: boolean[] = [];
  scanFrom = 0;
  scanTo = 0;
}

/** Per-call state: created only when a candidate needs more than its case rule. */
export class BlockState {
  private readonly cueHits = new Map<number, CueHits>();

  constructor(
    readonly text: string,
    readonly matcher: Matcher,
  ) {}

  /** Whether an alias of any actor starts at position p. */
  aliasStartsAt(p: number): boolean {
    return walk(this.matcher.aliasTrie, this.text, p, rulesScratch) > 0;
  }

  /** Cue hits starting in [from, to), appended to `into` (same loop as the alias scan). */
  private scanCues(trie: FlatTrie<CueEntry>, from: number, to: number, into: CueHits): void {
    const { text } = this;
    const rootAscii = trie.rootAscii;
    const pairs = trie.pairs;
    const n = text.length;
    const out = rulesScratch;
    // Whether `from` is inside a word (ignorables are transparent).
    let b = from;
    while (b > 0 && CLASS[text.charCodeAt(b - 1)] === IGNORE) b--;
    let inWord = b > 0 && isWordCode(text.charCodeAt(b - 1));
    // The word-start test of scanEveryStart in index.ts, copied on purpose: a shared helper measured 5-10 %
    // slower on findMentions (figures in index.ts, above that loop). Change both places together.
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      let cls = CLASS[code]!;
      if (cls === 0) cls = computeClass(code);
      if (cls !== WORD) {
        if (cls !== MARK && cls !== IGNORE) inWord = false;
        continue;
      }
      if (inWord) continue;
      inWord = true;
      if (code < 128) {
        if (rootAscii[code] === 0) continue;
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 32;
        if (next < 128 && pairs[FOLD[code]! * 128 + FOLD[next]!] === 0) continue;
      } else if (!rootAccepts(trie, code)) continue;
      const found = walk(trie, text, i, out);
      for (let k = 0; k < found; k++) {
        for (const support of trie.values[out.values[k]!]!) {
          into.starts.push(i);
          into.ends.push(out.ends[k]!);
          into.support.push(support);
        }
      }
    }
  }

  /** The actor's cue hits, with every cue starting in [from, to) known (scans only what is new). */
  private hitsIn(actor: number, trie: FlatTrie<CueEntry>, from: number, to: number): CueHits {
    let hits = this.cueHits.get(actor);
    if (!hits) {
      hits = new CueHits();
      this.cueHits.set(actor, hits);
    }
    if (hits.scanTo <= hits.scanFrom || to < hits.scanFrom || from > hits.scanTo) {
      // Nothing scanned yet, or a window apart from the scanned one: start afresh there (a text is
      // scanned left to right, so what lies behind is rarely needed again).
      hits.starts.length = 0;
      hits.ends.length = 0;
      hits.support.length = 0;
      this.scanCues(trie, from, to, hits);
      hits.scanFrom = from;
      hits.scanTo = to;
      return hits;
    }
    if (from < hits.scanFrom) {
      const before = new CueHits();
      this.scanCues(trie, from, hits.scanFrom, before);
      hits.starts = before.starts.concat(hits.starts);
      hits.ends = before.ends.concat(hits.ends);
      hits.support = before.support.concat(hits.support);
      hits.scanFrom = from;
    }
    if (to > hits.scanTo) {
      this.scanCues(trie, hits.scanTo, to, hits);
      hits.scanTo = to;
    }
    return hits;
  }

  /** The first support cue of an actor inside [from, to) that `accept` takes (as written), or null. */
  supportWhere(actor: number, from: number, to: number, accept: (cue: string) => boolean): string | null {
    const trie = this.matcher.actorRules[actor]!.cueTrie;
    if (!trie) return null;
    const hits = this.hitsIn(actor, trie, from, to);
    for (let k = 0; k < hits.starts.length; k++) {
      const cs = hits.starts[k]!;
      const ce = hits.ends[k]!;
      if (cs < from || ce > to || !hits.support[k]) continue;
      const cue = this.text.slice(cs, ce);
      if (accept(cue)) return cue;
    }
    return null;
  }

  /**
   * The nearest contrary and the nearest support cue of an actor inside [from, to) (a support cue
   * overlapping the candidate [start, end) is ignored). Returns them as written, or null.
   */
  cuesIn(actor: number, from: number, to: number, start: number, end: number): { contrary: string | null; support: string | null } {
    const trie = this.matcher.actorRules[actor]!.cueTrie;
    if (!trie) return NO_CUES;
    const hits = this.hitsIn(actor, trie, from, to);
    const starts = hits.starts;
    let contrary: string | null = null;
    let support: string | null = null;
    let contraryDistance = Infinity;
    let supportDistance = Infinity;
    // Hits are in order of start: binary-search the window's first one.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < starts.length && starts[k]! < to; k++) {
      const cs = starts[k]!;
      const ce = hits.ends[k]!;
      if (ce > to) continue;
      const isSupport = hits.support[k]!;
      const overlaps = cs < end && ce > start;
      // A support cue inside the candidate proves nothing; a contrary one ("trump card") is the best proof.
      if (overlaps && isSupport) continue;
      const distance = overlaps ? 0 : ce <= start ? start - ce : cs - end;
      if (isSupport) {
        if (distance < supportDistance) {
          supportDistance = distance;
          support = this.text.slice(cs, ce);
        }
      } else if (distance < contraryDistance) {
        contraryDistance = distance;
        contrary = this.text.slice(cs, ce);
      }
    }
    return { contrary, support };
  }
}

const NO_CUES = { contrary: null, support: null } as const;

/** Case rule, on the original surface. */
export function caseRuleHolds(entry: AliasEntry, text: string, start: number, end: number): boolean {
  const rule = entry.alias.caseRule;
  if (rule === 'any') return true;
  if (rule === 'exact') return casePattern(text.slice(start, end)) === entry.casePattern;
  // proper: walk the word starts of the surface; the spec's capitalised words must not be lower case.
  let inWord = false;
  let wordIndex = -1;
  let firstStart = -1;
  let capIndex = 0;
  let capitalsOk = true;
  const capitals = entry.capitalWords;
  for (let i = start; i < end; i++) {
    const cls = charClass(text.charCodeAt(i));
    const isWord = cls === CLS_WORD;
    if (isWord && !inWord) {
      wordIndex++;
      if (firstStart < 0) firstStart = i;
      if (capIndex < capitals.length && capitals[capIndex] === wordIndex) {
        capIndex++;
        if (isLowerCode(text.charCodeAt(i))) capitalsOk = false;
      }
    }
    inWord = isWord || (inWord && (cls === CLS_MARK || cls === CLS_IGNORE));
  }
  if (firstStart < 0) return false;
  if (capitals.length === 0 || wordIndex + 1 !== entry.wordCount) return !isLowerCode(text.charCodeAt(firstStart));
  return capitalsOk;
}

function isNewline(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** The word right after `end`, across spaces only (no line break, no punctuation). */
function wordAfter(text: string, end: number): Word | null {
  let p = end;
  while (p < text.length && charClass(text.charCodeAt(p)) === CLS_SPACE && !isNewline(text, p)) p++;
  if (p === end || p >= text.length || charClass(text.charCodeAt(p)) !== CLS_WORD) return null;
  let q = p;
  while (q < text.length && isWordOrIgnorable(text, q)) q++;
  return { start: p, end: q };
}

function isWordOrIgnorable(text: string, i: number): boolean {
  const cls = charClass(text.charCodeAt(i));
  return cls === CLS_WORD || cls === CLS_MARK || cls === CLS_IGNORE;
}

/** The word right before `start`, across spaces only; null when none or when it is the "s" of a possessive. */
function wordBefore(text: string, start: number): Word | null {
  let p = start;
  while (p > 0 && charClass(text.charCodeAt(p - 1)) === CLS_SPACE && !isNewline(text, p - 1)) p--;
  if (p === start || p === 0) return null;
  let q = p;
  while (q > 0 && isWordOrIgnorable(text, q - 1)) q--;
  if (q === p) return null;
  // "Syria's Assad": the "s" of a possessive is not a given name.
  if (q > 0 && charClass(text.charCodeAt(q - 1)) === CLS_APOS) return null;
  return { start: q, end: p };
}

function isAllCaps(text: string, start: number, end: number): boolean {
  let letters = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isLowerCode(c)) return false;
    if (isUpperCode(c)) letters++;
  }
  return letters >= 2;
}

/** Whether a neighbouring word reads as a name (capitalised, not neutral, not known, not an acronym). */
function isNameLike(state: BlockState, word: Word): boolean {
  const { text } = state;
  if (!isUpperCode(text.charCodeAt(word.start))) return false;
  if (isAllCaps(text, word.start, word.end)) return false;
  return isUnknownWord(state, word);
}

/** Whether a word is neither neutral nor known to the fact base. */
function isUnknownWord(state: BlockState, word: Word): boolean {
  const folded = foldWord(state.text.slice(word.start, word.end));
  return !NEUTRAL_WORDS.has(folded) && !state.matcher.knownWords.has(folded);
}

/** In capitals-only or title-case text a neighbour may be a name or not: any capitalised unknown word. */
function mayBeName(state: BlockState, word: Word): boolean {
  return isUpperCode(state.text.charCodeAt(word.start)) && isUnknownWord(state, word);
}

/** One of the actor's given names or titles right before `start`, as written; null if none. */
function givenNameBefore(state: BlockState, actor: number, start: number): string | null {
  const names = state.matcher.actorRules[actor]!.givenNames;
  if (names.length === 0) return null;
  const { text } = state;
  const from = Math.max(0, start - 80);
  const slice = text.slice(from, start);
  const norm = normalise(slice);
  const f = norm.folded;
  if (!f.endsWith(' ')) return null;
  for (const g of names) {
    for (const suffix of [g + ' ', g + '. ']) {
      if (!f.endsWith(suffix)) continue;
      const idx = f.length - suffix.length;
      const bounded = idx === 0 ? from === 0 || !isWordCode(text.charCodeAt(from - 1)) : !isWordCode(f.charCodeAt(idx - 1));
      if (!bounded) continue;
      const [os, oe] = toOriginalRange(slice, norm, idx, idx + g.length);
      return slice.slice(os, oe);
    }
  }
  return null;
}

/** Lazily: whether the sentence around [start, end) is in capitals only or title case (capitals say nothing). */
function capsAt(text: string, start: number, end: number): boolean {
  const [s, e] = sentenceBounds(text, start, end);
  return isTitleCase(text, s, e) || isCapitalsOnly(text, s, e);
}

/** A candidate whose neighbour may or may not be a name, in capitals: the rest of the page decides. */
function uncertain(text: string, word: Word): Verdict {
  return { accepted: false, rule: 'uncertain-caps', evidence: text.slice(word.start, word.end) };
}

/** Rule 2a: a person's name followed by a capitalised word is another entity ("Trump Tower", "Donald Trump Jr"). */
function followedByNameRule(state: BlockState, start: number, end: number, wordCount: number): Verdict | null {
  const { text } = state;
  const next = wordAfter(text, end);
  if (!next) return null;
  if (KIND_AFTER_PERSON.has(foldWord(text.slice(next.start, next.end)))) {
    return { accepted: false, rule: 'kind-word', evidence: text.slice(next.start, next.end) };
  }
  if (!isUpperCode(text.charCodeAt(next.start)) || state.aliasStartsAt(next.start)) return null;
  const named = isNameLike(state, next);
  if (!named && !mayBeName(state, next)) return null;
  if (!capsAt(text, start, end)) return named ? { accepted: false, rule: 'followed-by-name', evidence: text.slice(next.start, next.end) } : null;
  // In capitals a full name stays a full name ("DONALD TRUMP CALLS FOR CALM"); a lone surname is uncertain.
  return wordCount > 1 ? null : uncertain(text, next);
}

/** Where a name's given names end: before middle initials ("Donald J. Trump", "Mary L. Trump"). */
function skipInitials(text: string, start: number): number {
  let p = start;
  for (let round = 0; round < 2; round++) {
    let q = p;
    while (q > 0 && text.charCodeAt(q - 1) === 32) q--;
    if (q < 2 || q === p) return p;
    let r = q;
    if (text.charCodeAt(r - 1) === 46) r--;
    if (r < 1 || !isUpperCode(text.charCodeAt(r - 1))) return p;
    if (r >= 2 && isWordCode(text.charCodeAt(r - 2))) return p;
    if (r - 1 === 0) return p;
    p = r - 1;
  }
  return p;
}

/** A quoted nickname right before a surname (Frederick Christ "Fred" Trump): the word inside the quotes. */
function quotedWordBefore(text: string, start: number): Word | null {
  let p = start;
  while (p > 0 && text.charCodeAt(p - 1) === 32) p--;
  const close = text.charCodeAt(p - 1);
  if (close !== 34 && close !== 0x201d && close !== 0x2019 && close !== 39) return null;
  const end = p - 1;
  let q = end;
  while (q > 0 && isWordOrIgnorable(text, q - 1)) q--;
  return q < end ? { start: q, end } : null;
}

/** Rules 2b and 2c: what stands before a surname. */
function precededRule(state: BlockState, entry: AliasEntry, start: number, end: number): Verdict | null {
  const { text } = state;
  const pos = skipInitials(text, start);
  const given = givenNameBefore(state, entry.actor, pos);
  if (given !== null) return { accepted: true, rule: 'given-name', evidence: given };
  const prev = wordBefore(text, pos) ?? quotedWordBefore(text, pos);
  if (!prev) return null;
  if (KIND_BEFORE_PERSON.has(foldWord(text.slice(prev.start, prev.end)))) {
    return { accepted: false, rule: 'kind-word', evidence: text.slice(prev.start, prev.end) };
  }
  if (isNameLike(state, prev)) return capsAt(text, start, end) ? uncertain(text, prev) : { accepted: false, rule: 'other-given-name', evidence: text.slice(prev.start, prev.end) };
  if (mayBeName(state, prev) && capsAt(text, start, end)) return uncertain(text, prev);
  return null;
}

/** Whether an entry of `trie` spans exactly [ws, we) and satisfies `accept`. */
function trieWordAt<T>(trie: FlatTrie<T>, text: string, ws: number, we: number, accept: (value: T) => boolean): boolean {
  const found = walk(trie, text, ws, rulesScratch);
  for (let k = 0; k < found; k++) {
    if (rulesScratch.ends[k] !== we) continue;
    for (const v of trie.values[rulesScratch.values[k]!]!) if (accept(v)) return true;
  }
  return false;
}

/**
 * A common noun used as an alias ("regime") with a modifier of its own is another thing: another actor's
 * name ("the Turkish regime", "Erdogan's regime") or a lower-case noun ("a ceasefire regime", "tax regime").
 * The actor's own support cues ("Assad's regime") and function words ("the regime") leave it to the cues.
 */
function modifierRule(state: BlockState, entry: AliasEntry, start: number, end: number): Verdict | null {
  const { text, matcher } = state;
  // "regime of sanctions", "regime de cessar-fogo": a regime of something (not "the regime of Bashar al-Assad").
  const after = wordAfter(text, end);
  if (after && OF_WORDS.has(foldWord(text.slice(after.start, after.end)))) {
    const thing = wordAfter(text, after.end);
    if (thing && isLowerCode(text.charCodeAt(thing.start))) return { accepted: false, rule: 'other-modifier', evidence: text.slice(after.start, thing.end) };
  }
  let p = start;
  while (p > 0 && charClass(text.charCodeAt(p - 1)) === CLS_SPACE && !isNewline(text, p - 1)) p--;
  if (p === start) return null;
  // A possessive: "Turkey's regime".
  if (p >= 2 && (text.charCodeAt(p - 1) === 115 || text.charCodeAt(p - 1) === 83) && charClass(text.charCodeAt(p - 2)) === CLS_APOS) p -= 2;
  let q = p;
  while (q > 0 && isWordOrIgnorable(text, q - 1)) q--;
  if (q === p) return null;
  const raw = text.slice(q, p);
  if (NEUTRAL_WORDS.has(foldWord(raw))) return null;
  const rules = matcher.actorRules[entry.actor]!;
  if (rules.cueTrie && trieWordAt(rules.cueTrie, text, q, p, (support) => support)) return null;
  // The actor's own name as modifier ("das syrische Regime"): that is support.
  if (trieWordAt(matcher.aliasTrie, text, q, p, (e) => e.actor === entry.actor)) return { accepted: true, rule: 'support-cue', evidence: raw };
  if (trieWordAt(matcher.aliasTrie, text, q, p, (e) => e.actor !== entry.actor)) {
    return { accepted: false, rule: 'other-modifier', evidence: raw };
  }
  // A lower-case modifier makes a compound ("tax regime") only where the alias is the head noun: not when
  // a noun follows ("intense regime bombardment": "intense" describes the bombardment).
  if (isLowerCode(text.charCodeAt(q))) {
    const next = wordAfter(text, end);
    if (next && isLowerCode(text.charCodeAt(next.start)) && !NEUTRAL_WORDS.has(foldWord(text.slice(next.start, next.end)))) return null;
    return { accepted: false, rule: 'other-modifier', evidence: raw };
  }
  return null;
}

/** A state or place named right after a word that makes it a person's name ("the clerk Turkey"). */
function personWordBefore(state: BlockState, start: number): Verdict | null {
  const prev = wordBefore(state.text, start);
  if (prev && KIND_BEFORE_PLACE.has(foldWord(state.text.slice(prev.start, prev.end)))) {
    return { accepted: false, rule: 'kind-word', evidence: state.text.slice(prev.start, prev.end) };
  }
  return null;
}

/** An acronym (letters all capitals, "UN", "US") in capitals-only text: it may be a word ("UN ACUERDO", "LET US"). */
function isAcronym(entry: AliasEntry): boolean {
  const p = entry.casePattern;
  return entry.alias.caseRule === 'exact' && p.length >= 2 && !p.includes('l');
}

const ACCEPT_ALIAS: Verdict = { accepted: true, rule: 'alias' };
const REJECT_CASE: Verdict = { accepted: false, rule: 'case' };

/** Decide one candidate; `state` is shared by the candidates of one call. */
export function decide(
  state: BlockState,
  matcher: Matcher,
  text: string,
  entry: AliasEntry,
  start: number,
  end: number,
): Verdict {
  if (!caseRuleHolds(entry, text, start, end)) return REJECT_CASE;
  const { alias } = entry;
  const rules = matcher.actorRules[entry.actor]!;
  if (isAcronym(entry)) {
    const [s, e] = sentenceBounds(text, start, end);
    if (isCapitalsOnly(text, s, e)) return { accepted: false, rule: 'uncertain-caps', evidence: '' };
  }
  if (alias.ambiguous && isLowerCode(alias.text.charCodeAt(0))) {
    const verdict = modifierRule(state, entry, start, end);
    if (verdict) return verdict;
  }
  let sentence: { contrary: string | null; support: string | null } | null = null;
  if (rules.hasContrary || alias.ambiguous) {
    const [ss, se] = sentenceBounds(text, start, end);
    sentence = state.cuesIn(entry.actor, ss, se, start, end);
    if (sentence.contrary !== null) return { accepted: false, rule: 'contrary-cue', evidence: sentence.contrary };
  }
  if (alias.surname || rules.kind === 'person') {
    const verdict = followedByNameRule(state, start, end, entry.wordCount);
    if (verdict) return verdict;
  }
  if (alias.surname) {
    const verdict = precededRule(state, entry, start, end);
    if (verdict) return verdict;
  } else if (rules.kind === 'state' || rules.kind === 'place') {
    const verdict = personWordBefore(state, start);
    if (verdict) return verdict;
  }
  if (alias.ambiguous) {
    if (sentence!.support !== null) return { accepted: true, rule: 'support-cue', evidence: sentence!.support };
    const [ps, pe] = paragraphBounds(text, start, end);
    const paragraph = state.cuesIn(entry.actor, ps, pe, start, end);
    if (paragraph.contrary !== null) return { accepted: false, rule: 'contrary-cue', evidence: paragraph.contrary };
    if (paragraph.support !== null) return { accepted: true, rule: 'support-cue', evidence: paragraph.support };
    return { accepted: false, rule: 'no-support-cue' };
  }
  return ACCEPT_ALIAS;
}

export { endsWord };
