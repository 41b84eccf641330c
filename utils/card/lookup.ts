// Finds an actor, and the source it comes from, across the built-in fact base and imported packs.
import type { CompiledActor, CompiledFactBase, CompiledSource } from '../factbase/types';

export interface ActorEntry {
  actor: CompiledActor;
  source: CompiledSource;
}

export type ActorLookup = (actorId: string) => ActorEntry | undefined;

/** The first fact base that defines an id wins, as in the engine. */
export function createActorLookup(factBases: CompiledFactBase | readonly CompiledFactBase[]): ActorLookup {
  const byId = new Map<string, ActorEntry>();
  for (const base of Array.isArray(factBases) ? factBases : [factBases as CompiledFactBase]) {
    for (const actor of base.actors) {
      if (!byId.has(actor.id)) byId.set(actor.id, { actor, source: base.source });
    }
  }
  return (actorId) => byId.get(actorId);
}
