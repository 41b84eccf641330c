// The props the card's view is drawn with, from the open card and the controller's actions.
import type { MentionStats, StepDirection } from '../../components/card/types';
import type { Settings } from '../settings/schema';
import type { OpenCard } from './card-state';
import type { ActorEntry, ActorLookup } from './lookup';
import type { CardViewProps } from './view-types';

export interface CardActions {
  lookup: ActorLookup;
  entries(actorId: string): readonly ActorEntry[];
  mentionStats(actorId: string): MentionStats;
  togglePin(): void;
  close(): void;
  step(actorId: string, direction: StepDirection): void;
  openFactbase(actorId: string): void;
  openLink(): void;
}

export function cardViewProps(card: OpenCard, actions: CardActions, colours: Settings['colours']): CardViewProps {
  return {
    actorId: card.mention.actorId,
    mentionKey: card.openedOn ?? card.mention.id,
    lookup: actions.lookup,
    entries: actions.entries,
    mentionStats: actions.mentionStats,
    surface: card.mention.surface,
    reason: card.mention.reason,
    why: card.mention.why,
    pinned: card.pinned,
    onTogglePin: actions.togglePin,
    onClose: actions.close,
    onStep: actions.step,
    onOpenFactbase: actions.openFactbase,
    kindColours: colours,
    link: card.link ? { href: card.link.href, onOpen: actions.openLink } : undefined,
  };
}
