// The mention engine: find the actors of a fact base in any text, in one pass.
//
//   const matcher = compileMatcher(FACT_BASE);          // once per fact-base set
//   const mentions = findMentions(blockText, matcher);  // per block of text (paragraph)
//
// findMentions walks the text once. At each word start whose first two (folded) characters begin some
// alias, it walks the alias trie and collects every alias that ends at a word boundary; the longest one
// whose rules hold (rules.ts) becomes the mention and the scan resumes after it, so mentions never
// overlap ("Syrian Observatory for Human Rights" hides "Syria"). The characters between such word starts
// are read by one regular expression (scanLikelyStarts), in native code: a page's scan runs cold, once. The text given is treated as one paragraph unless it
// contains blank lines (see context.ts).
import type { ActorKind } from '../factbase/types';
import type { Decision, FindOptions, MatchReason, Mention } from './types';
import type { AliasEntry, Matcher } from './matcher';
import { CLS_IGNORE, CLS_MARK, CLS_WORD, FOLD_TABLES, foldKey, isUpperCode, isWordCode } from './normalise';
import { newWalkOut, rootAccepts as rootAcceptsImported, step, walk as walkImported } from './trie';
import { BlockState, decide, type Verdict } from './rules';
import { describeReasonOf } from './document';

export { compileMatcher, compileMatcherInSlices, type Matcher } from './matcher';
export { sentenceAround, sentenceBounds, paragraphBounds } from './context';
export { normalise, foldKey, toOriginalRange } from './normalise';
export type { Decision, DecisionRule, FindOptions, MatchReason, Mention } from './types';
export {
  collectBlock,
  decideDocument,
  findDocumentMentions,
  updateDocument,
  describeMention,
  describeReasonOf,
  relevanceFor,
  type BaseRelevance,
  type BlockEvidence,
  type DocumentResult,
  type DocumentState,
  type Unmarked,
} from './document';

const { CLASS, FOLD, computeClass } = FOLD_TABLES;
// Module-local copies: an imported binding may compile to a getter (tsx, CommonJS), too slow per character.
const WORD = CLS_WORD;
const MARK = CLS_MARK;
const IGNORE = CLS_IGNORE;
const walk = walkImported;
const rootAccepts = rootAcceptsImported;

/** Scratch for the top-level walk (findMentions is not re-entrant from inside the rules). */
const scratch = newWalkOut();

/** An accepted candidate, before options are applied. */
interface Hit {
  start: number;
  end: number;
  actor: number;
  verdict: Verdict;
}

/**
 * The scan itself: the accepted candidates in order (null when none, the common case: no allocation).
 * When `explain` is given, also records every candidate considered, accepted or not. No closure and
 * no allocation per call until a candidate is found: findMentions runs once per block of a page.
 */
/** Every candidate decided, with its verdict (the document pass collects them, document.ts). */
export interface Considered {
  start: number;
  end: number;
  entry: AliasEntry;
  verdict: Verdict;
}

/** Arabic letters that attach to the next word (و ف ب ل ك): "وسوريا" is "and Syria". */
function isArabicClitic(code: number): boolean {
  return code === 0x0648 || code === 0x0641 || code === 0x0628 || code === 0x0644 || code === 0x0643;
}

/** Turkish letters, or a few of its commonest words: the text is Turkish (suffixes may be glued to names). */
function looksTurkish(text: string): boolean {
  return /[ğışĞİŞ]/.test(text) || /(?:^|\s)(?:ve|ile|için|icin|bir|olarak|değil|degil)(?=\s)/i.test(text);
}

/**
 * Case and plural suffixes (folded, longest first) that Turkish glues to a proper name after an apostrophe,
 * and that capitals-only headlines and informal writing glue without one.
 */
const TURKISH_SUFFIXES = ['lerin', 'larin', 'nin', 'nun', 'dan', 'den', 'tan', 'ten', 'yla', 'yle', 'nda', 'nde', 'ler', 'lar', 'in', 'un', 'ya', 'ye', 'na', 'ne', 'yi', 'yu', 'da', 'de', 'ta', 'te', 'la', 'le', 'a', 'e', 'i', 'u'];

/** Where the word starting at `start` ends (letters, digits and marks). */
function wordEnd(text: string, start: number): number {
  let q = start;
  while (q < text.length && isWordCode(text.charCodeAt(q))) q++;
  return q;
}

/**
 * At a word start with no alias: the aliases that the word [start, q) less a Turkish suffix is exactly (a stem
 * of four letters or more), into `scratch` with ends in `text`; how many.
 */
function turkishStem(trie: Matcher['aliasTrie'], text: string, start: number, q: number): number {
  for (const suffix of TURKISH_SUFFIXES) {
    const stemEnd = q - suffix.length;
    if (stemEnd - start < 4 || foldKey(text.slice(stemEnd, q)) !== suffix) continue;
    const found = walk(trie, text.slice(start, stemEnd), 0, scratch);
    let kept = 0;
    for (let k = 0; k < found; k++) {
      if (scratch.ends[k] !== stemEnd - start) continue;
      scratch.ends[kept] = stemEnd;
      scratch.values[kept++] = scratch.values[k]!;
    }
    if (kept > 0) return kept;
  }
  return 0;
}

/** One scan's state, shared by its loop and considerAt. */
interface ScanRun {
  readonly text: string;
  readonly matcher: Matcher;
  readonly explain: Decision[] | null;
  readonly sink: Considered[] | null;
  state: BlockState | null;
  turkish: boolean | undefined;
  hits: Hit[] | null;
}

export function scan(text: string, matcher: Matcher, explain: Decision[] | null, sink: Considered[] | null = null): Hit[] | null {
  const run: ScanRun = { text, matcher, explain, sink, state: null, turkish: undefined, hits: null };
  if (explain) scanEveryStart(run);
  else scanLikelyStarts(run);
  return run.hits;
}

/** The scan by its loop over every character (the tests hold scanLikelyStarts to it). */
export function scanEveryCharacter(text: string, matcher: Matcher, sink: Considered[] | null = null): Hit[] | null {
  const run: ScanRun = { text, matcher, explain: null, sink, state: null, turkish: undefined, hits: null };
  scanEveryStart(run);
  return run.hits;
}

/**
 * The scan's loop over every character: what explainMentions reads (it also reports word starts the pair test
 * would skip). The word-start test below is copied on purpose in rules.ts scanCues (the same loop over cues):
 * a shared helper, wordEdge(code, inWord), was measured 5-10 % slower (npx tsx scripts/bench-engine.ts,
 * 2026-12-01, alternated on a shared machine; real per block 63.3 vs 68.8 ms median). Change both together.
 */
function scanEveryStart(run: ScanRun): void {
  const { text, matcher, explain } = run;
  const trie = matcher.aliasTrie;
  const rootAscii = trie.rootAscii;
  const pairs = trie.pairs;
  const n = text.length;
  let inWord = false;
  for (let i = 0; i < n; i++) {
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
      if (rootAscii[code] === 0 && !(explain && step(trie, 0, FOLD[code]!) >= 0)) continue;
      // Second character: most capitalised words fail here without a walk.
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 32;
      if (next < 128 && pairs[FOLD[code]! * 128 + FOLD[next]!] === 0) continue;
    }
    const accepted = considerAt(run, i, code);
    if (accepted > 0) i = accepted - 1;
  }
}

/**
 * The same scan, where the characters between the word starts that could begin an alias are left to the
 * browser's regular expression engine (native code from the first page on, where a loop over every character
 * in JavaScript starts cold in each page): the expression matches where scanEveryStart's tests of a word's
 * first two characters pass, and only those places are looked at here. Same hits, same candidates, in the same
 * order (tests/unit/engine-starts.test.ts holds the two loops alike).
 */
function scanLikelyStarts(run: ScanRun): void {
  const { text } = run;
  const starts = likelyStartsOf(run.matcher.aliasTrie);
  starts.lastIndex = 0;
  while (starts.test(text)) {
    const i = starts.lastIndex - 1;
    const code = text.charCodeAt(i);
    let cls = CLASS[code]!;
    if (cls === 0) cls = computeClass(code);
    if (cls !== WORD || !startsWord(text, i)) continue;
    // The expression is the trie's, shared: where to go on is kept here, whatever the rules run meanwhile.
    const next = starts.lastIndex;
    const accepted = considerAt(run, i, code);
    if (accepted <= 0) {
      starts.lastIndex = next;
      continue;
    }
    // As scanEveryStart: the word goes on after a mention (no word starts until a separator).
    let j = accepted;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      let k = CLASS[c]!;
      if (k === 0) k = computeClass(c);
      if (k !== WORD && k !== MARK && k !== IGNORE) break;
      j++;
    }
    starts.lastIndex = j;
  }
}

/** Whether a word starts at i (a word character there): before it, past marks and ignorables, no word character. */
function startsWord(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    let k = CLASS[c]!;
    if (k === 0) k = computeClass(c);
    if (k === WORD) return false;
    if (k !== MARK && k !== IGNORE) return true;
  }
  return true;
}

const LIKELY_STARTS = new WeakMap<object, RegExp>();

/**
 * Per alias trie: a regular expression that matches one character, wherever scanEveryStart's tests could pass:
 * an ASCII word character that begins some key, followed by one that can come second in such a key (or by a
 * non-ASCII character, or by the end, as the tests read it), or any non-ASCII character (those the loop tests
 * itself). Never after an ASCII letter or digit: no word starts there.
 */
function likelyStartsOf(trie: Matcher['aliasTrie']): RegExp {
  let re = LIKELY_STARTS.get(trie);
  if (re) return re;
  const hex = (c: number) => `\\x${c.toString(16).padStart(2, '0')}`;
  const wordAscii: number[] = [];
  for (let c = 0; c < 128; c++) if ((CLASS[c] || computeClass(c)) === WORD) wordAscii.push(c);
  // First characters grouped by the set of second characters that pass with them.
  const byNexts = new Map<string, number[]>();
  for (const c of wordAscii) {
    if (trie.rootAscii[c] === 0) continue;
    let nexts = '';
    let all = true;
    for (let d = 0; d < 128; d++) {
      if (trie.pairs[FOLD[c]! * 128 + FOLD[d]!] !== 0) nexts += hex(d);
      else all = false;
    }
    // The end of the text reads as a space.
    const atEnd = trie.pairs[FOLD[c]! * 128 + FOLD[32]!] !== 0;
    const key = all ? '' : `(?=[${nexts}\\x80-\\uffff]${atEnd ? '|$' : ''})`;
    const list = byNexts.get(key);
    if (list) list.push(c);
    else byNexts.set(key, [c]);
  }
  const branches = ['[\\x80-\\uffff]'];
  for (const [next, firsts] of byNexts) branches.push(`[${firsts.map(hex).join('')}]${next}`);
  re = new RegExp(`(?<![${wordAscii.map(hex).join('')}])(?:${branches.join('|')})`, 'g');
  LIKELY_STARTS.set(trie, re);
  return re;
}

/**
 * A word start that passed the tests: walks the alias trie there (and the Arabic and Turkish forms), decides
 * each alias found, longest first, and records the accepted one. Returns where the accepted mention ends, or -1.
 */
function considerAt(run: ScanRun, i: number, code: number): number {
  const { text, matcher, explain, sink } = run;
  const trie = matcher.aliasTrie;
  const n = text.length;
  let at = i;
  let found = code < 128 || rootAccepts(trie, code) ? walk(trie, text, i, scratch) : 0;
  // Arabic attached particles: one or two (وب, ول, فل …) before the alias.
  if (found === 0 && code >= 0x0628 && isArabicClitic(code)) {
    at = i + 1;
    found = at < n && rootAccepts(trie, text.charCodeAt(at)) ? walk(trie, text, at, scratch) : 0;
    if (found === 0 && at + 1 < n && isArabicClitic(text.charCodeAt(at))) {
      at = i + 2;
      found = rootAccepts(trie, text.charCodeAt(at)) ? walk(trie, text, at, scratch) : 0;
    }
  }
  // Turkish case suffixes written without the apostrophe ("ERDOGANIN" in a headline, informal "Erdoganin"),
  // in Turkish text only: the name is the word less a suffix, and only a proper name's alias counts, so
  // only a capitalised word of five letters or more is tried (and the block is looked at only then: the two
  // regular expressions of looksTurkish ran over most blocks of every page).
  let suffixed = false;
  if (found === 0 && code < 0x0400 && isUpperCode(code)) {
    const q = wordEnd(text, i);
    if (q - i >= 5 && (run.turkish ??= looksTurkish(text))) {
      found = turkishStem(trie, text, i, q);
      suffixed = found > 0;
    }
  }
  if (found === 0) return -1;
  const state = (run.state ??= new BlockState(text, matcher));
  // Copy: the rules may walk again (another alias after a surname).
  const ends = scratch.ends.slice(0, found);
  const values = scratch.values.slice(0, found);
  for (let k = found - 1; k >= 0; k--) {
    const end = ends[k]!;
    for (const entry of trie.values[values[k]!]!) {
      if (suffixed && (entry.alias.caseRule !== 'proper' || !isUpperCode(text.charCodeAt(at)))) continue;
      const verdict = decide(state, matcher, text, entry, at, end);
      if (sink) sink.push({ start: at, end, entry, verdict });
      if (explain) {
        const decision: Decision = {
          start: at,
          end,
          actorId: matcher.actors[entry.actor]!.id,
          surface: text.slice(at, end),
          accepted: verdict.accepted,
          rule: verdict.rule,
        };
        if (verdict.evidence !== undefined) decision.evidence = verdict.evidence;
        explain.push(decision);
      }
      if (verdict.accepted) {
        (run.hits ??= []).push({ start: at, end, actor: entry.actor, verdict });
        return end;
      }
    }
  }
  return -1;
}

/**
 * Every mention of an actor in `text`, sorted by start, never overlapping. Offsets are in `text`
 * (UTF-16 code units). A deterministic function of (text, matcher). Callers that hide some kinds filter
 * the result, after overlaps are resolved (hiding organisations must not turn "Syrian Observatory …" into
 * a mention of Syria).
 */
export function findMentions(text: string, matcher: Matcher): Mention[] {
  const hits = scan(text, matcher, null);
  if (hits === null) return [];
  const mentions: Mention[] = [];
  for (const { start, end, actor, verdict } of hits) {
    const mention: Mention = { start, end, actorId: matcher.actors[actor]!.id, surface: text.slice(start, end) };
    if (verdict.rule === 'support-cue' || verdict.rule === 'given-name') {
      mention.reason = { rule: verdict.rule, evidence: verdict.evidence ?? '' };
    }
    mentions.push(mention);
  }
  return mentions;
}

/**
 * Every candidate the engine considered in `text` and the rule that decided it, in order (the tests use it
 * to check which rule decided each candidate). Longer candidates come before shorter ones
 * at the same start; after an accepted one the scan resumes at its end.
 */
export function explainMentions(text: string, matcher: Matcher): Decision[] {
  const decisions: Decision[] = [];
  scan(text, matcher, decisions);
  return decisions;
}

/** A short human sentence for a mention's reason (card, popup, CLI). */
export function describeReason(reason: MatchReason | undefined): string {
  if (!reason) return 'Matched by name.';
  if (reason.rule === 'support-cue') return `Matched because \u201c${reason.evidence}\u201d appears nearby.`;
  if (reason.rule === 'given-name') return `Matched because it follows \u201c${reason.evidence}\u201d.`;
  return describeReasonOf(reason);
}
