import type { ActorKind } from '../factbase/types';

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

export interface FindOptions {
  /** Report only the first mention of each actor. */
  firstOnly?: boolean;
  /** Only these kinds of actor (default: all). */
  kinds?: readonly ActorKind[];
}
