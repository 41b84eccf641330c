// Search of the fact-base page: an actor matches when its names, or else its facts (searchable.ts), contain the
// query, folded as the engine folds text (case, diacritics, dotless i, runs of spaces), so "erdogan" finds "Erdoğan".
import { foldKey } from '../engine/normalise';
import type { CompiledActor, CompiledFactBase } from '../factbase/types';
import { SEARCH_TIERS } from './searchable';

export interface ActorHit {
  packId: string;
  actor: CompiledActor;
}

export function searchActors(factBases: readonly CompiledFactBase[], query: string): ActorHit[] {
  const q = foldKey(query);
  let hits: ActorHit[] = [];
  for (const textsOf of SEARCH_TIERS) {
    hits = [];
    for (const fb of factBases) {
      for (const actor of fb.actors) {
        if (!q || textsOf(actor).some((t) => foldKey(t).includes(q))) hits.push({ packId: fb.source.id, actor });
      }
    }
    if (hits.length || !q) break;
  }
  return hits;
}
