// The one registry of fact bases. It says which fact bases are in force (the built-in ones, then the enabled
// packs, in that order, less any the reader turned off) and answers "which actor is this id": the first base
// that defines an id names it (name, kind, identity); every base that knows the id adds its facts, each under
// its own source. Every part (engine, page, card, popup, fact-base page, CLI) asks here, nowhere else.
import type { ActorKind, CompiledActor, CompiledFactBase, CompiledSource } from './types';

/** An actor as one fact base knows it. */
export interface RegistryEntry {
  actor: CompiledActor;
  source: CompiledSource;
}

export interface FactBaseRegistry {
  /** The fact bases in force, in order. */
  readonly bases: readonly CompiledFactBase[];
  /** The actor an id names: the first base that defines it wins. */
  actor(actorId: string): CompiledActor | undefined;
  /** The first base's entry for an id (actor and its source). */
  entry(actorId: string): RegistryEntry | undefined;
  /** Every base's entry for an id, in registry order (two stories that both know Russia). */
  entries(actorId: string): readonly RegistryEntry[];
  /** Kind and name of an id, or undefined for an id no base knows. */
  describe(actorId: string): { name: string; kind: ActorKind } | undefined;
  /** The source (pack) an id is listed under: the first base that defines it. */
  sourceOf(actorId: string): CompiledSource | undefined;
}

/** Built-in bases first, then enabled packs; a base whose id is in `disabled` is left out. */
export function basesInForce(
  builtIn: readonly CompiledFactBase[],
  packs: readonly CompiledFactBase[],
  disabled: ReadonlySet<string> = new Set(),
): CompiledFactBase[] {
  const seen = new Set<string>();
  const out: CompiledFactBase[] = [];
  for (const base of [...builtIn, ...packs]) {
    if (disabled.has(base.source.id) || seen.has(base.source.id)) continue;
    seen.add(base.source.id);
    out.push(base);
  }
  return out;
}

export function createRegistry(bases: readonly CompiledFactBase[]): FactBaseRegistry {
  const byId = new Map<string, RegistryEntry[]>();
  for (const base of bases) {
    for (const actor of base.actors) {
      const list = byId.get(actor.id);
      const entry = { actor, source: base.source };
      if (list) list.push(entry);
      else byId.set(actor.id, [entry]);
    }
  }
  const entry = (id: string) => byId.get(id)?.[0];
  return {
    bases,
    actor: (id) => entry(id)?.actor,
    entry,
    entries: (id) => byId.get(id) ?? [],
    describe: (id) => {
      const a = entry(id)?.actor;
      return a ? { name: a.name, kind: a.kind } : undefined;
    },
    sourceOf: (id) => entry(id)?.source,
  };
}
