// What the fact-base page's search looks in, in tiers: an actor's names first (name, id, aliases); when no
// name matches, what the article says of it (identity, facts and their quotes, relations), so "mercenaries"
// finds the Wagner group while "erdogan" still lists only Erdogan, not every actor whose quote names him.
import type { CompiledActor } from '../factbase/types';

export function nameTexts(actor: CompiledActor): string[] {
  return [actor.name, actor.id, ...actor.aliases.map((a) => a.text)];
}

export function factTexts(actor: CompiledActor): string[] {
  return [
    actor.identity,
    actor.identityQuote,
    ...actor.facts.flatMap((f) => [f.text, f.quote]),
    ...actor.related.flatMap((r) => [r.label, r.quote]),
  ];
}

/** The tiers in order: the first that finds anything is what the page lists. */
export const SEARCH_TIERS: readonly ((actor: CompiledActor) => string[])[] = [nameTexts, factTexts];
