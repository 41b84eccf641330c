import type { ActorKind } from '../factbase/types';
/** Which rule decided that an ambiguous or shared name counts (or, in debug output, does not). */
export interface MatchReason {
  /**
   * support-cue, given-name: decided in the block (findMentions). Decided by the page (document.ts):
   * page-name: the page names the actor by a name that is not ambiguous (evidence: that name);
   * nearest-name: a surname whose nearest full name on the page is ours (evidence: that full name);
   * acronym: the page spells the acronym out as ours (evidence: the words);
   * page-story: an ambiguous name on a page about the story (evidence: the story's title).
   */
  rule: 'support-cue' | 'given-name' | 'page-name' | 'nearest-name' | 'acronym' | 'page-story';
  /** The cue, given name or full name that decided, as written on the page. */
  evidence: string;
}

export interface Mention {
  /** Offsets in the ORIGINAL text, UTF-16 code units, end exclusive. */
  start: number;
  end: number;
  actorId: string;
  /** The text as it appears, text.slice(start, end). */
  surface: string;
  /** Present when a context rule decided the match. */
  reason?: MatchReason;
}

export interface FindOptions {
  /** Report only the first mention of each actor. */
  firstOnly?: boolean;
  /** Only these kinds of actor (default: all). */
  kinds?: readonly ActorKind[];
}

/**
 * Every rule that can decide a candidate (an alias found at word boundaries), for `explainMentions`:
 * - alias: accepted, an unambiguous alias written as its case rule asks;
 * - support-cue / given-name: accepted by a context rule (the Mention carries it as `reason`);
 * - case: rejected, written in the wrong case ("turkey", "trump card", "un");
 * - contrary-cue: rejected, a contrary cue in the sentence (or, with no cue in the sentence, the paragraph);
 * - no-support-cue: rejected, an ambiguous alias with no supporting cue around it;
 * - other-given-name: rejected, a surname after a different capitalised given name ("Ivanka Trump");
 * - followed-by-name: rejected, a surname followed by a capitalised word: a name, a place or a company
 *   named after someone ("Trump Tower", "Wagner Moura").
 * - kind-word: rejected, a word next to it says it is something else ("Kalin railway", "actor Erdoğan",
 *   "the clerk Turkey").
 * - other-modifier: rejected, a common-noun alias with a modifier of its own ("the Turkish regime", "a tax regime").
 * - uncertain-caps: not marked alone: in capitals-only or title-case text a neighbour may be a name, or an
 *   acronym may be a word; the document pass decides from the rest of the page.
 * - page-*: decided by the document pass (document.ts), see DocumentDecisionRule.
 */
export type DecisionRule =
  | 'alias'
  | 'support-cue'
  | 'given-name'
  | 'case'
  | 'contrary-cue'
  | 'no-support-cue'
  | 'other-given-name'
  | 'followed-by-name'
  | 'kind-word'
  | 'other-modifier'
  | 'uncertain-caps';

/** One candidate and what became of it (serialisable). */
export interface Decision {
  start: number;
  end: number;
  actorId: string;
  surface: string;
  accepted: boolean;
  rule: DecisionRule;
  /** The cue or word that decided, as written on the page. */
  evidence?: string;
}
