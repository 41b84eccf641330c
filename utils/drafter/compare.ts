// Which actor of one pack is an actor of another: same folded name or a shared folded alias. Used to score a
// draft against a hand-curated base (scripts/eval-drafter.ts, the unit test) and usable to spot the same
// actor in two packs.
import { foldAlias } from '../factbase/checks';

interface Named {
  id: string;
  name: string;
  aliases: readonly { text: string }[];
}

const forms = (a: Named) => new Set([a.name, ...a.aliases.map((x) => x.text)].map(foldAlias));

/** The first of `candidates` that shares the name or an alias with `actor`, and the shared form. */
export function matchActor<T extends Named>(actor: Named, candidates: readonly T[]): { actor: T; via: string } | undefined {
  const mine = forms(actor);
  // The name first (so "United Nations" is not matched through a stray shared alias), then any alias.
  const byName = candidates.find((c) => mine.has(foldAlias(c.name)));
  if (byName) return { actor: byName, via: byName.name };
  for (const c of candidates) {
    const shared = [...forms(c)].find((f) => mine.has(f));
    if (shared !== undefined) return { actor: c, via: shared };
  }
  return undefined;
}

export interface PackComparison<C extends Named, T extends Named> {
  rows: { curated: C; drafted?: T; via?: string }[];
  /** Drafted actors that match no curated one. */
  extra: T[];
}

export function comparePacks<C extends Named, T extends Named>(curated: readonly C[], drafted: readonly T[]): PackComparison<C, T> {
  const used = new Set<T>();
  const rows = curated.map((c) => {
    const m = matchActor(c, drafted.filter((d) => !used.has(d)));
    if (!m) return { curated: c };
    used.add(m.actor);
    return { curated: c, drafted: m.actor, via: m.via };
  });
  return { rows, extra: drafted.filter((d) => !used.has(d)) };
}
