/** Which rule decided that an ambiguous or shared name counts (or, in debug output, does not). */
export interface MatchReason {
  rule: 'support-cue' | 'given-name';
  /** The cue or given name found nearby, as written on the page. */
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
 */
export type DecisionRule =
  | 'alias'
  | 'support-cue'
  | 'given-name'
  | 'case'
  | 'contrary-cue'
  | 'no-support-cue'
  | 'other-given-name'
  | 'followed-by-name';

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
