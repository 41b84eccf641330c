// The actors a page reported (ids and counts), named and grouped by kind for the popup's list.
import { ACTOR_KINDS, type ActorKind, type CompiledFactBase } from '../factbase/types';

export interface ListedActor {
  actorId: string;
  name: string;
  count: number;
}
export interface ActorGroup {
  kind: ActorKind | 'other';
  label: string;
  actors: ListedActor[];
}

export const KIND_LABELS: Record<ActorKind | 'other', string> = {
  person: 'People',
  place: 'Places',
  state: 'States',
  organisation: 'Organisations',
  event: 'Events',
  other: 'Other',
};

export function groupPageActors(
  found: readonly { actorId: string; count: number }[],
  factBases: readonly CompiledFactBase[],
): ActorGroup[] {
  const known = new Map<string, { name: string; kind: ActorKind }>();
  for (const fb of factBases) for (const a of fb.actors) if (!known.has(a.id)) known.set(a.id, a);
  const groups = new Map<ActorKind | 'other', ListedActor[]>();
  for (const { actorId, count } of found) {
    if (count <= 0) continue;
    const actor = known.get(actorId);
    const kind = actor?.kind ?? 'other';
    const list = groups.get(kind) ?? [];
    list.push({ actorId, name: actor?.name ?? actorId, count });
    groups.set(kind, list);
  }
  return [...ACTOR_KINDS, 'other' as const]
    .filter((kind) => groups.has(kind))
    .map((kind) => ({
      kind,
      label: KIND_LABELS[kind],
      actors: groups.get(kind)!.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    }));
}
