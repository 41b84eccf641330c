// The actors a page reported (ids and counts), named by the registry and grouped for the popup's list: by
// the source (fact base) that defines each actor, in registry order, then by kind in a fixed order. Ids that
// no base in force knows come last, under "Other".
import type { FactBaseRegistry } from '../factbase/registry';
import { KIND_LABELS, UNKNOWN_KIND_LABEL } from '../factbase/kinds';
import { ACTOR_KINDS, type ActorKind } from '../factbase/types';

export interface ListedActor {
  actorId: string;
  name: string;
  count: number;
}
export interface ActorGroup {
  /** Unique among the groups: source id and kind. */
  key: string;
  kind: ActorKind | 'other';
  label: string;
  /** The fact base the actors come from (null for "Other"). */
  source: { id: string; title: string } | null;
  actors: ListedActor[];
}

export function groupPageActors(found: readonly { actorId: string; count: number }[], registry: FactBaseRegistry): ActorGroup[] {
  const groups = new Map<string, ActorGroup>();
  for (const { actorId, count } of found) {
    if (count <= 0) continue;
    const entry = registry.entry(actorId);
    const kind = entry?.actor.kind ?? 'other';
    const key = entry ? `${entry.source.id}/${kind}` : 'other';
    let group = groups.get(key);
    if (!group) {
      const label = kind === 'other' ? UNKNOWN_KIND_LABEL : KIND_LABELS[kind].many;
      const source = entry ? { id: entry.source.id, title: entry.source.title } : null;
      group = { key, kind, label, source, actors: [] };
      groups.set(key, group);
    }
    group.actors.push({ actorId, name: entry?.actor.name ?? actorId, count });
  }
  const order = [...registry.bases.flatMap((b) => ACTOR_KINDS.map((k) => `${b.source.id}/${k}`)), 'other'];
  return order
    .flatMap((key) => groups.get(key) ?? [])
    .map((g) => ({ ...g, actors: g.actors.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)) }));
}
