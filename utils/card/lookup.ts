// The card's view of the registry: which actor an id names and the source it comes from (the first base that
// defines it, utils/factbase/registry.ts). Kept as a function type so the card's views need no registry.
import { createRegistry, type RegistryEntry } from '../factbase/registry';
import type { CompiledFactBase } from '../factbase/types';

export type ActorEntry = RegistryEntry;

export type ActorLookup = (actorId: string) => ActorEntry | undefined;

/** Every base's entry for an id, in registry order (one actor in two stories: both sources' facts). */
export type ActorEntries = (actorId: string) => readonly ActorEntry[];

export function createActorEntries(factBases: readonly CompiledFactBase[]): ActorEntries {
  const registry = createRegistry(factBases);
  return (actorId) => registry.entries(actorId);
}

export function createActorLookup(factBases: CompiledFactBase | readonly CompiledFactBase[]): ActorLookup {
  const registry = createRegistry(Array.isArray(factBases) ? factBases : [factBases as CompiledFactBase]);
  return (actorId) => registry.entry(actorId);
}
