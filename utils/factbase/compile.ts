// Turns a validated spec into the compiled fact base (types.ts): spec-only fields (notes, titleQuote) are
// dropped, cues lower-cased, fact ids assigned, and each relation put on both of its actors.
import type { FactBaseSpec } from './schema';
import type { CompiledActor, CompiledFactBase, CompiledRelation } from './types';

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Assumes a spec that passed specErrors (known actor ids, unique pairs). */
export function compileSpec(spec: FactBaseSpec): CompiledFactBase {
  const related = new Map<string, CompiledRelation[]>(spec.actors.map((actor) => [actor.id, []]));
  for (const relation of spec.relations) {
    related.get(relation.from)?.push({ actorId: relation.to, label: relation.label, quote: relation.quote });
    related.get(relation.to)?.push({ actorId: relation.from, label: relation.reverseLabel, quote: relation.quote });
  }

  const actors: CompiledActor[] = spec.actors.map((actor) => ({
    id: actor.id,
    name: actor.name,
    kind: actor.kind,
    identity: actor.identity,
    identityQuote: actor.identityQuote,
    aliases: actor.aliases.map((alias) => ({
      text: alias.text,
      caseRule: alias.caseRule,
      ambiguous: alias.ambiguous,
      surname: alias.surname,
    })),
    cues: {
      support: unique(actor.cues.support.map((cue) => cue.toLowerCase())),
      contrary: unique(actor.cues.contrary.map((cue) => cue.toLowerCase())),
    },
    givenNames: unique(actor.givenNames),
    ...(actor.peripheral === true ? { peripheral: true } : {}),
    facts: actor.facts.map((fact, index) => ({
      id: `${actor.id}/${index}`,
      text: fact.text,
      quote: fact.quote,
      actors: unique([actor.id, ...fact.actors]),
      figures: [...fact.figures],
    })),
    related: related.get(actor.id) ?? [],
  }));

  const { id, title, period, file, note } = spec.source;
  return { formatVersion: 1, source: { id, title, period, file, note }, actors };
}
