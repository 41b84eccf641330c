// The page's mentions as the card, the top frame's message API and the tests see them: PageMention is made
// by the scanner (scanner.ts); MentionIndex is implemented by mention-index.ts (hit-test.ts under a point).
import type { ActorKind } from '../factbase/types';
import type { MatchReason } from '../engine/types';

/** One mention of an actor on the live page. */
export interface PageMention {
  /** Unique within this page's lifetime (never reused after a mention is dropped). */
  id: number;
  actorId: string;
  kind: ActorKind;
  /** The text as it appears on the page. */
  surface: string;
  /**
   * The mention's extent over the page's text nodes (may span inline elements: "Khalifa <a>Haftar</a>").
   * A StaticRange where the browser has one (cheap: the DOM need not update it on every mutation);
   * the scanner replaces mentions whose nodes change, so it stays accurate while the mention exists.
   */
  range: AbstractRange;
  /** A fresh live Range over the same text, for getBoundingClientRect()/getClientRects()/scrolling. */
  toRange(): Range;
  /** Present when a context rule decided the match. */
  reason?: MatchReason;
  /** Why it is marked, as a sentence ("Marked because this page names Donald Trump."), from the document pass. */
  readonly why?: string | undefined;
  /** Offsets in the text of its block (see text-index.ts), end exclusive. */
  blockStart: number;
  blockEnd: number;
  /** The sentence around the mention, as text (for the card and for export rows). */
  context: string;
}

export interface MentionIndex {
  /** Every current mention, in document order. */
  all(): PageMention[];
  /** The mentions of one actor, in document order. */
  ofActor(actorId: string): PageMention[];
  /**
   * Every mention of a shown actor on the page, marked or not ("first mention only" marks one): what counts
   * and the card's previous/next are of. Document order.
   */
  onPage(actorId: string): PageMention[];
  /** The mention under a viewport point (client coordinates), or null. */
  at(x: number, y: number): PageMention | null;
  /** The mention whose range contains this DOM position, or null. */
  atPosition(node: Node, offset: number): PageMention | null;
  /** Called after each change of the set of mentions (scan pass, mutation, settings). Returns unsubscribe. */
  onChange(callback: () => void): () => void;
}

/** How the top frame's message API opens the card on a mention (utils/card/content-binding.ts answers it). */
export type ShowMentionHook = (mention: PageMention, options: { fromKeyboard: boolean }) => void;
