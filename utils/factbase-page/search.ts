// Search of the fact-base page: an actor matches when its name or one of its aliases contains the query,
// ignoring case and diacritics ("erdogan" finds "Erdoğan").
import type { CompiledActor, CompiledFactBase } from '../factbase/types';

export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ı/g, 'i').replace(/\s+/g, ' ').trim();
}

export interface ActorHit {
  packId: string;
  actor: CompiledActor;
}

export function searchActors(factBases: readonly CompiledFactBase[], query: string): ActorHit[] {
  const q = foldForSearch(query);
  const hits: ActorHit[] = [];
  for (const fb of factBases) {
    for (const actor of fb.actors) {
      if (!q || [actor.name, actor.id, ...actor.aliases.map((a) => a.text)].some((t) => foldForSearch(t).includes(q))) {
        hits.push({ packId: fb.source.id, actor });
      }
    }
  }
  return hits;
}
