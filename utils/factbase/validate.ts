// Validates the hand-curated spec against its article and compiles it into the plain-data fact base.
// Pure: no file system, no DOM; scripts/build-factbase.ts and the tests feed it text.
import { FactBaseSpecSchema, type FactBaseSpec } from './schema';
import { actorLabeler, aliasCollisionErrors, NOT_FOUND, quoteFinder, zodIssuesToErrors, type FactBaseResult } from './checks';
import { compileSpec } from './compile';

/** Every fault of the spec, each as `path: message`; empty when the spec is sound. */
export function specErrors(spec: FactBaseSpec, articleText: string): string[] {
  const errors: string[] = [];
  const inArticle = quoteFinder(articleText);
  const label = actorLabeler(spec.actors);
  const firstIndexOf = new Map<string, number>();

  if (spec.source.titleQuote !== undefined && !inArticle(spec.source.titleQuote)) {
    errors.push(`source.titleQuote: ${NOT_FOUND}`);
  }

  spec.actors.forEach((actor, i) => {
    const first = firstIndexOf.get(actor.id);
    if (first === undefined) firstIndexOf.set(actor.id, i);
    else errors.push(`actors[${i}].id: duplicate id "${actor.id}" (first used by actors[${first}])`);
  });
  const known = (id: string) => firstIndexOf.has(id);

  spec.actors.forEach((actor, i) => {
    const at = label(i);
    if (!inArticle(actor.identityQuote)) errors.push(`${at}.identityQuote: ${NOT_FOUND}`);
    if (actor.facts.length === 0) errors.push(`${at}.facts: an actor needs at least one fact`);
    actor.facts.forEach((fact, f) => {
      if (!inArticle(fact.quote)) errors.push(`${at}.facts[${f}].quote: ${NOT_FOUND}`);
      fact.actors.forEach((other, a) => {
        if (!known(other)) errors.push(`${at}.facts[${f}].actors[${a}]: unknown actor "${other}"`);
      });
    });
  });

  errors.push(...aliasCollisionErrors(spec.actors, label));

  const pairs = new Map<string, number>();
  spec.relations.forEach((relation, r) => {
    const at = `relations[${r}]`;
    if (!known(relation.from)) errors.push(`${at}.from: unknown actor "${relation.from}"`);
    if (!known(relation.to)) errors.push(`${at}.to: unknown actor "${relation.to}"`);
    if (relation.from === relation.to) errors.push(`${at}.to: an actor cannot be related to itself`);
    if (!inArticle(relation.quote)) errors.push(`${at}.quote: ${NOT_FOUND}`);
    // A pair is recorded once whichever way round: the compiler shows it on both actors.
    const key = [relation.from, relation.to].sort().join(' ');
    const first = pairs.get(key);
    if (first === undefined) pairs.set(key, r);
    else errors.push(`${at}: the pair ${relation.from} / ${relation.to} is already recorded at relations[${first}]`);
  });

  return errors;
}

/** Checks the raw spec (shape with zod, then content against the article) and compiles it. */
export function validateSpec(raw: unknown, articleText: string): FactBaseResult {
  const parsed = FactBaseSpecSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodIssuesToErrors(parsed.error.issues, raw) };
  const errors = specErrors(parsed.data, articleText);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, factBase: compileSpec(parsed.data) };
}
