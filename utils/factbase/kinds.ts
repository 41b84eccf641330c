// What each kind of actor is called in the interface: one word for one actor (the card, the fact-base page)
// and a heading for several (the popup's groups and options). The one home of these labels.
import type { ActorKind } from './types';

export const KIND_LABELS: Record<ActorKind, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  place: { one: 'Place', many: 'Places' },
  state: { one: 'State', many: 'States' },
  organisation: { one: 'Organisation', many: 'Organisations' },
  event: { one: 'Event', many: 'Events' },
};

/** The heading of actors that no fact base in force knows (a pack turned off since the page was scanned). */
export const UNKNOWN_KIND_LABEL = 'Other';
