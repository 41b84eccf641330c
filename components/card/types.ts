// The card's contract: what the Card view is given (data and callbacks only). The card's controller
// (utils/card/) builds these props; nothing here knows where they come from.
import type { MatchReason } from '../../utils/engine/types';
import type { RegistryEntry } from '../../utils/factbase/registry';
import type { ActorKind } from '../../utils/factbase/types';

export type StepDirection = 'next' | 'previous';

export interface MentionStats {
  count: number;
  /** 0-based position of the open mention among the actor's mentions; null for another actor. */
  index: number | null;
}

/** An actor and the source it comes from, for an id (undefined for an id no fact base knows). */
export type CardLookup = (actorId: string) => RegistryEntry | undefined;

export interface CardProps {
  /** The actor the mention names. */
  actorId: string;
  /** Identifies the open mention: when it changes, the card forgets the related actors walked through. */
  mentionKey: string | number;
  lookup: CardLookup;
  /** Every fact base's entry for an id (one actor in two stories: each story's facts under its source). */
  entries?(actorId: string): readonly RegistryEntry[];
  /** Where the open mention stands among the given actor's mentions on this page. */
  mentionStats(actorId: string): MentionStats;
  /** The page's text for the mention and the rule that decided it, when one did. */
  surface?: string;
  reason?: MatchReason;
  /** Why the page's decision marked it, as a sentence ("Marked because this page names Donald Trump."). */
  why?: string;
  pinned: boolean;
  onTogglePin(): void;
  onClose(): void;
  onStep(actorId: string, direction: StepDirection): void;
  onOpenFactbase(actorId: string): void;
  /** Mark colours per kind, so the card's kind dot matches the page's marks. */
  kindColours?: Partial<Record<ActorKind, string>>;
  /** The link the mention sits in (opened by a tap, which did not follow it): the card offers to follow it. */
  link?: { href: string; onOpen(): void };
  /** Facts shown before a "more" button. */
  initialFacts?: number;
}
