// zod schema of the hand-curated spec (assets/factbase/*.json). Strict objects: an unknown key is an error,
// so a misspelt field ("alias" for "aliases") fails the build instead of being silently dropped.
// Build-time only: the content script imports the compiled form (types.ts), never this file.
import { z } from 'zod';
import { ACTOR_KINDS } from './types';

/** Lower-case words joined by single hyphens: "wagner-group". Stable: cards, settings and packs refer to it. */
import { KEBAB_ID } from './types';
export { KEBAB_ID };

const text = z.string().trim().min(1, 'must not be empty');
const actorId = z.string().regex(KEBAB_ID, 'must be a kebab-case id such as "wagner-group"');

export const CaseRuleSchema = z.enum(['proper', 'exact', 'any']);
export const ActorKindSchema = z.enum(ACTOR_KINDS);

export const SpecAliasSchema = z.strictObject({
  /** As real pages write it (diacritics and non-Latin scripts welcome). */
  text,
  caseRule: CaseRuleSchema,
  /** Counts only with a support cue nearby; may be shared with another actor if ambiguous on both. */
  ambiguous: z.boolean().default(false),
  /** A person's surname used alone. */
  surname: z.boolean().default(false),
  /** Why this alias is set as it is (not compiled). */
  note: z.string().optional(),
});

export const SpecCuesSchema = z.strictObject({
  support: z.array(text).default([]),
  contrary: z.array(text).default([]),
});

export const SpecFactSchema = z.strictObject({
  /** A short statement in Factlens's words. */
  text,
  /** The article's sentence or clause, verbatim (whitespace and quote-mark style may differ). */
  quote: text,
  /** The other actors the fact involves; the owner is implied (and put first when compiled). */
  actors: z.array(actorId).default([]),
  /** Figures as the article gives them. */
  figures: z.array(text).default([]),
});

export const SpecActorSchema = z.strictObject({
  id: actorId,
  name: text,
  kind: ActorKindSchema,
  identity: text,
  identityQuote: text,
  aliases: z.array(SpecAliasSchema).min(1, 'an actor needs at least one alias'),
  cues: SpecCuesSchema.default({ support: [], contrary: [] }),
  givenNames: z.array(text).default([]),
  /** Named on many pages not about the story (the United States, the UN): marked only on pages about it. */
  peripheral: z.boolean().optional(),
  facts: z.array(SpecFactSchema),
  notes: z.string().optional(),
});

/** A tie between two actors, recorded once; the compiler shows it on both cards. */
export const SpecRelationSchema = z.strictObject({
  from: actorId,
  to: actorId,
  /** Read as `<from> <label> <to>`: "supports the forces of". */
  label: text,
  /** Read as `<to> <reverseLabel> <from>`: "has forces supported by". */
  reverseLabel: text,
  quote: text,
});

export const SpecSourceSchema = z.strictObject({
  id: actorId,
  /** A title in the article's own words. */
  title: text,
  /** The article passage the title is drawn from (checked like any quote). */
  titleQuote: text.optional(),
  period: text,
  /** Project-relative path of the article, e.g. assets/articles/idlib-2019.txt. */
  file: z.string().regex(/^assets\/articles\/[^/]+\.txt$/, 'must be assets/articles/<name>.txt'),
  note: text,
});

export const FactBaseSpecSchema = z.strictObject({
  source: SpecSourceSchema,
  actors: z.array(SpecActorSchema).min(1, 'a fact base needs at least one actor'),
  relations: z.array(SpecRelationSchema).default([]),
});

export type FactBaseSpecInput = z.input<typeof FactBaseSpecSchema>;
export type FactBaseSpec = z.output<typeof FactBaseSpecSchema>;
export type SpecActor = z.output<typeof SpecActorSchema>;
export type SpecRelation = z.output<typeof SpecRelationSchema>;
