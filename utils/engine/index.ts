// The mention engine: find the actors of a fact base in any text, in one pass.
//
//   const matcher = compileMatcher(FACT_BASE);          // once per fact-base set
//   const mentions = findMentions(blockText, matcher);  // per block of text (paragraph)
//
// findMentions walks the text once. At each word start whose first (folded) character begins some
// alias, it walks the alias trie and collects every alias that ends at a word boundary; the longest one
// whose rules hold (rules.ts) becomes the mention and the scan resumes after it, so mentions never
// overlap ("Syrian Observatory for Human Rights" hides "Syria"). A text with no alias costs one read of
// its characters plus a table lookup per word. The text given is treated as one paragraph unless it
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

export function scan(text: string, matcher: Matcher, explain: Decision[] | null, sink: Considered[] | null = null): Hit[] | null {
  const trie = matcher.aliasTrie;
  const rootAscii = trie.rootAscii;
  const pairs = trie.pairs;
  const n = text.length;
  let state: BlockState | null = null;
  let turkish: boolean | undefined;
  let hits: Hit[] | null = null;
  let inWord = false;
  // The word-start prefilter below is copied on purpose in rules.ts scanCues (the same loop over cues).
  // A shared helper, wordEdge(code, inWord) → ends/goes on/starts in normalise.ts, was measured slower
  // (npx tsx scripts/bench-engine.ts, 2026-12-01, 5 runs copied vs 4 with the helper, alternated on a shared
  // machine; median (range) ms): real whole text 59.2 (33.7-64.9) vs 65.2 (64.5-66.0), padded 72.6 (43.8-78.6)
  // vs 76.0 (75.4-76.9), real per block 63.3 (37.4-74.1) vs 68.8 (67.9-69.2), padded per block 78.0
  // (49.9-90.7) vs 84.7 (81.4-86.2): 5-10 % slower. Change both places together.
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
      if (q - i >= 5 && (turkish ??= looksTurkish(text))) {
        found = turkishStem(trie, text, i, q);
        suffixed = found > 0;
      }
    }
    if (found === 0) continue;
    state ??= new BlockState(text, matcher);
    // Copy: the rules may walk again (another alias after a surname).
    const ends = scratch.ends.slice(0, found);
    const values = scratch.values.slice(0, found);
    let accepted = -1;
    for (let k = found - 1; k >= 0 && accepted < 0; k--) {
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
          (hits ??= []).push({ start: at, end, actor: entry.actor, verdict });
          accepted = end;
          break;
        }
      }
    }
    if (accepted > 0) i = accepted - 1;
  }
  return hits;
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
