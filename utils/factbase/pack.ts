// Validates an already-compiled fact base ("fact pack", the format researchers import and that
// `factlens actors --pack` prints): zod shape of types.ts, then the same content rules as the spec.
// If the pack carries its article (source.text), every quote is checked against it.
// Pure (no DOM, no file system): the popup uses it for imports, the content script when it reads stored packs.
// zod/mini, not classic zod: this schema reaches the content script, where every kilobyte counts.
import * as z from 'zod/mini';
import { ACTOR_KINDS, KEBAB_ID, type CompiledFactBase } from './types';
import { actorLabeler, aliasCollisionErrors, NOT_FOUND, quoteFinder, zodIssuesToErrors, type FactBaseResult } from './checks';

// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder the text around them
// wherever it is shown: one U+202E turns a card's line backwards. They are refused in every shown string. The
// marks (U+200E/U+200F LRM/RLM, U+061C ALM) only nudge neutral characters and Arabic or Hebrew text uses
// them legitimately: allowed. Each place that shows pack text also isolates it (dir="auto" / <bdi>).
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const noBidiControls = z.refine<string>(
  (s: string) => !BIDI_CONTROLS.test(s),
  'holds a bidirectional control character (U+202A–U+202E or U+2066–U+2069), which would reorder the text shown',
);
const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), noBidiControls);
const id = z.string().check(z.regex(KEBAB_ID, 'must be a kebab-case id such as "wagner-group"'));

const CompiledAliasSchema = z.strictObject({
  text,
  caseRule: z.enum(['proper', 'exact', 'any']),
  ambiguous: z.boolean(),
  surname: z.boolean(),
});

const CompiledFactSchema = z.strictObject({
  id: text,
  text,
  quote: text,
  actors: z.array(id).check(z.minLength(1, 'a fact involves at least its owner')),
  figures: z.array(text),
});

const CompiledRelationSchema = z.strictObject({ actorId: id, label: text, quote: text });

const CompiledActorSchema = z.strictObject({
  id,
  name: text,
  kind: z.enum(ACTOR_KINDS),
  identity: text,
  identityQuote: text,
  aliases: z.array(CompiledAliasSchema).check(z.minLength(1, 'an actor needs at least one alias')),
  cues: z.strictObject({ support: z.array(text), contrary: z.array(text) }),
  givenNames: z.array(text),
  peripheral: z.optional(z.boolean()),
  facts: z.array(CompiledFactSchema),
  related: z.array(CompiledRelationSchema),
});

export const CompiledFactBaseSchema = z.strictObject({
  formatVersion: z.literal(1),
  source: z.strictObject({
    id,
    title: text,
    period: text,
    file: text,
    note: text,
    text: z.optional(z.string()),
    // The source article as the page gave it (drafted packs): optional, so every earlier pack stays valid.
    // Only http(s) links: the card renders the URL as a link.
    url: z.optional(z.string().check(z.regex(/^https?:\/\/\S+$/, 'must be an http(s) address'), noBidiControls)),
    site: z.optional(text),
    byline: z.optional(text),
    published: z.optional(text),
  }),
  actors: z.array(CompiledActorSchema).check(z.minLength(1, 'a fact base needs at least one actor')),
});

/** Every content fault of a well-shaped pack, as `path: message`. */
export function packErrors(pack: CompiledFactBase): string[] {
  const errors: string[] = [];
  const label = actorLabeler(pack.actors);
  const inArticle = pack.source.text === undefined ? undefined : quoteFinder(pack.source.text);
  const firstIndexOf = new Map<string, number>();
  pack.actors.forEach((actor, i) => {
    const first = firstIndexOf.get(actor.id);
    if (first === undefined) firstIndexOf.set(actor.id, i);
    else errors.push(`actors[${i}].id: duplicate id "${actor.id}" (first used by actors[${first}])`);
  });
  const known = (actorId: string) => firstIndexOf.has(actorId);
  const factIds = new Map<string, string>();

  pack.actors.forEach((actor, i) => {
    const at = label(i);
    if (inArticle && !inArticle(actor.identityQuote)) errors.push(`${at}.identityQuote: ${NOT_FOUND}`);
    if (actor.facts.length === 0) errors.push(`${at}.facts: an actor needs at least one fact`);
    actor.facts.forEach((fact, f) => {
      const path = `${at}.facts[${f}]`;
      const earlier = factIds.get(fact.id);
      if (earlier !== undefined) errors.push(`${path}.id: duplicate fact id "${fact.id}" (also ${earlier})`);
      else factIds.set(fact.id, path);
      if (inArticle && !inArticle(fact.quote)) errors.push(`${path}.quote: ${NOT_FOUND}`);
      if (fact.actors[0] !== actor.id) errors.push(`${path}.actors[0]: must be the owner "${actor.id}"`);
      fact.actors.forEach((other, a) => {
        if (!known(other)) errors.push(`${path}.actors[${a}]: unknown actor "${other}"`);
      });
    });
    const relatedSeen = new Set<string>();
    actor.related.forEach((relation, r) => {
      const path = `${at}.related[${r}]`;
      if (!known(relation.actorId)) errors.push(`${path}.actorId: unknown actor "${relation.actorId}"`);
      if (relation.actorId === actor.id) errors.push(`${path}.actorId: an actor cannot be related to itself`);
      if (relatedSeen.has(relation.actorId)) errors.push(`${path}: "${relation.actorId}" is already related`);
      relatedSeen.add(relation.actorId);
      if (inArticle && !inArticle(relation.quote)) errors.push(`${path}.quote: ${NOT_FOUND}`);
    });
  });

  errors.push(...aliasCollisionErrors(pack.actors, label));
  return errors;
}

/** Checks a compiled pack from outside (an import): shape, then content; returns it typed when sound. */
export function validatePack(raw: unknown): FactBaseResult {
  const parsed = CompiledFactBaseSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodIssuesToErrors(parsed.error.issues, raw) };
  const factBase: CompiledFactBase = parsed.data;
  const errors = packErrors(factBase);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, factBase };
}
