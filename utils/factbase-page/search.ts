// Search of the fact-base page: an actor matches when its names, or else its facts (searchable.ts), contain the query,
// ignoring case and diacritics ("erdogan" finds "Erdoğan").
import type { CompiledActor, CompiledFactBase } from '../factbase/types';
import { SEARCH_TIERS } from './searchable';

export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ı/g, 'i').replace(/\s+/g, ' ').trim();
}

export interface ActorHit {
  packId: string;
  actor: CompiledActor;
}

export function searchActors(factBases: readonly CompiledFactBase[], query: string): ActorHit[] {
  const q = foldForSearch(query);
  let hits: ActorHit[] = [];
  for (const textsOf of SEARCH_TIERS) {
    hits = [];
    for (const fb of factBases) {
      for (const actor of fb.actors) {
        if (!q || textsOf(actor).some((t) => foldForSearch(t).includes(q))) hits.push({ packId: fb.source.id, actor });
      }
    }
    if (hits.length || !q) break;
  }
  return hits;
}
