// Relations: actors the article names together in one sentence, with that sentence as the quote. Co-occurrence
// says that two actors are tied, not how: the label says only that, and the reader can edit it.
import type { Cluster } from './aliases';
import type { DraftedFact } from './facts';

export const MAX_RELATIONS = 8;
export const RELATION_LABEL = 'is named in one sentence with';

export interface DraftedRelation {
  other: Cluster;
  quote: string;
  /** Sentences the two share: the most shared first. */
  shared: number;
}

/** For each actor, the other actors it shares a sentence with, from all drafted stretches (not only its kept facts). */
export function draftRelations(stretches: ReadonlyMap<Cluster, readonly DraftedFact[]>): Map<Cluster, DraftedRelation[]> {
  const out = new Map<Cluster, DraftedRelation[]>();
  for (const [owner, facts] of stretches) {
    const byOther = new Map<Cluster, DraftedRelation>();
    for (const fact of facts) {
      for (const other of fact.others) {
        const r = byOther.get(other);
        if (r) r.shared++;
        else byOther.set(other, { other, quote: fact.quote, shared: 1 });
      }
    }
    out.set(owner, [...byOther.values()].sort((a, b) => b.shared - a.shared).slice(0, MAX_RELATIONS));
  }
  return out;
}
