// The review screen's edits of a drafted pack: pure functions, draft in → new draft out (the input is never
// changed). Each keeps the pack referentially sound: no fact or relation names an actor that is gone, a
// merged actor's aliases, facts and ties move to the one kept, nothing is listed twice. What only the
// reader can fix (an actor left with no fact) is left to validatePack at save time, which names the path.
import { foldAlias } from '../factbase/checks';
import type { ActorKind, CompiledActor, CompiledFactBase, CompiledRelation } from '../factbase/types';

type Pack = CompiledFactBase;

function mapActors(pack: Pack, fn: (actor: CompiledActor) => CompiledActor): Pack {
  return { ...pack, actors: pack.actors.map(fn) };
}

function editActor(pack: Pack, actorId: string, fn: (actor: CompiledActor) => CompiledActor): Pack {
  return mapActors(pack, (a) => (a.id === actorId ? fn(a) : a));
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Relations without self-ties and without a second tie to the same actor (the first one stays). */
function cleanRelations(ownerId: string, relations: readonly CompiledRelation[]): CompiledRelation[] {
  const seen = new Set<string>();
  return relations.filter((r) => {
    if (r.actorId === ownerId || seen.has(r.actorId)) return false;
    seen.add(r.actorId);
    return true;
  });
}

/** Renames an actor (its display name; aliases are what pages are matched on). A blank name is ignored. */
export function renameActor(pack: Pack, actorId: string, name: string): Pack {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) return pack;
  return editActor(pack, actorId, (a) => ({ ...a, name: clean }));
}

export function setKind(pack: Pack, actorId: string, kind: ActorKind): Pack {
  return editActor(pack, actorId, (a) => ({ ...a, kind }));
}

/** Removes an actor and every reference to it (in other actors' facts and ties). */
export function removeActor(pack: Pack, actorId: string): Pack {
  return {
    ...pack,
    actors: pack.actors
      .filter((a) => a.id !== actorId)
      .map((a) => ({
        ...a,
        facts: a.facts.map((f) => ({ ...f, actors: f.actors.filter((x) => x !== actorId) })),
        related: a.related.filter((r) => r.actorId !== actorId),
      })),
  };
}

/** Removes one alias; an actor's last alias stays (it would match nothing: remove the actor instead). */
export function removeAlias(pack: Pack, actorId: string, aliasIndex: number): Pack {
  return editActor(pack, actorId, (a) =>
    a.aliases.length <= 1 || !a.aliases[aliasIndex] ? a : { ...a, aliases: a.aliases.filter((_, i) => i !== aliasIndex) },
  );
}

/** Marks an alias ambiguous (it then counts only beside one of the actor's support cues) or not. */
export function setAliasAmbiguous(pack: Pack, actorId: string, aliasIndex: number, ambiguous: boolean): Pack {
  return editActor(pack, actorId, (a) => ({
    ...a,
    aliases: a.aliases.map((alias, i) => (i === aliasIndex ? { ...alias, ambiguous } : alias)),
  }));
}

/** Removes one fact of an actor. */
export function removeFact(pack: Pack, actorId: string, factId: string): Pack {
  return editActor(pack, actorId, (a) => ({ ...a, facts: a.facts.filter((f) => f.id !== factId) }));
}

/**
 * Merges actor `goneId` into `keepId` (two alias clusters that are one actor): the kept actor takes the other's
 * aliases (a name both have is kept once), cues, given names, facts (a sentence both quote is kept once, with
 * both facts' actors) and ties; every reference to the gone id, in any actor, now names the kept one. Fact ids
 * are renumbered `${keepId}/${i}`, the pack's convention.
 */
export function mergeActors(pack: Pack, keepId: string, goneId: string): Pack {
  const keep = pack.actors.find((a) => a.id === keepId);
  const gone = pack.actors.find((a) => a.id === goneId);
  if (!keep || !gone || keepId === goneId) return pack;
  const swap = (id: string) => (id === goneId ? keepId : id);

  const aliasKeys = new Set(keep.aliases.map((a) => foldAlias(a.text)));
  const aliases = [...keep.aliases];
  for (const alias of gone.aliases) {
    const key = foldAlias(alias.text);
    if (aliasKeys.has(key)) continue;
    aliasKeys.add(key);
    aliases.push(alias);
  }

  const facts: CompiledActor['facts'] = [];
  const byQuote = new Map<string, number>();
  for (const fact of [...keep.facts, ...gone.facts]) {
    const actors = unique([keepId, ...fact.actors.map(swap)]);
    const at = byQuote.get(fact.quote);
    if (at !== undefined) {
      const earlier = facts[at]!;
      facts[at] = { ...earlier, actors: unique([...earlier.actors, ...actors]), figures: unique([...earlier.figures, ...fact.figures]) };
      continue;
    }
    byQuote.set(fact.quote, facts.length);
    facts.push({ ...fact, actors });
  }

  const merged: CompiledActor = {
    ...keep,
    aliases,
    cues: { support: unique([...keep.cues.support, ...gone.cues.support]), contrary: unique([...keep.cues.contrary, ...gone.cues.contrary]) },
    givenNames: unique([...keep.givenNames, ...gone.givenNames]),
    facts: facts.map((f, i) => ({ ...f, id: `${keepId}/${i}` })),
    related: cleanRelations(keepId, [...keep.related, ...gone.related].map((r) => ({ ...r, actorId: swap(r.actorId) }))),
  };

  return {
    ...pack,
    actors: pack.actors
      .filter((a) => a.id !== goneId)
      .map((a) =>
        a.id === keepId
          ? merged
          : {
              ...a,
              facts: a.facts.map((f) => ({ ...f, actors: unique(f.actors.map(swap)) })),
              related: cleanRelations(a.id, a.related.map((r) => ({ ...r, actorId: swap(r.actorId) }))),
            },
      ),
  };
}

/** A pack id not yet taken: the drafted id, else the same with -2, -3… (drafting one article twice). */
export function freePackId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}
