// Search of the fact-base page: an actor matches when its name, id or one of its aliases contains the query,
// folded as the engine folds text (case, diacritics, dotless i, runs of spaces), so "erdogan" finds "Erdoğan".
import { foldKey } from '../engine/normalise';
import type { CompiledActor, CompiledFactBase } from '../factbase/types';

export interface ActorHit {
  packId: string;
  actor: CompiledActor;
}

export function searchActors(factBases: readonly CompiledFactBase[], query: string): ActorHit[] {
  const q = foldKey(query);
  const hits: ActorHit[] = [];
  for (const fb of factBases) {
    for (const actor of fb.actors) {
      if (!q || [actor.name, actor.id, ...actor.aliases.map((a) => a.text)].some((t) => foldKey(t).includes(q))) {
        hits.push({ packId: fb.source.id, actor });
      }
    }
  }
  return hits;
}
