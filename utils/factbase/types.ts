// The compiled fact base: plain data that the content script, the CLI and the extension pages import.
// It is produced by scripts/build-factbase.ts from the hand-curated spec in assets/factbase/ after
// validation (utils/factbase/schema.ts + validate.ts); nothing at run time needs zod to read it.
// An imported fact pack has the same shape (see README, "Fact packs").

/** Actor and pack ids: kebab case, e.g. "wagner-group". */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ACTOR_KINDS = ['person', 'place', 'state', 'organisation', 'event'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * How an alias must be written on a page to count.
 * - proper: capitalised or in capitals ("Turkey", "TURKEY"), never lower case ("turkey sandwich").
 * - exact: only exactly as written (acronyms such as "UN", which must not match "un").
 * - any: any case (rare; multi-word names that are unambiguous in lower case).
 */
export type CaseRule = 'proper' | 'exact' | 'any';

export interface CompiledAlias {
  /** As written in the spec; the engine folds case and diacritics itself. */
  text: string;
  caseRule: CaseRule;
  /** Counts only with a supporting cue nearby (same sentence or paragraph) and no contrary cue. */
  ambiguous: boolean;
  /** A person's surname used alone: a different given name next to it means another person. */
  surname: boolean;
}

export interface CompiledFact {
  /** Stable id, `${actorId}/${index}`. */
  id: string;
  /** A short statement in Factlens's words. */
  text: string;
  /** The article's sentence (or clause) it rests on, verbatim. */
  quote: string;
  /** Every actor the fact involves, the owner first. */
  actors: string[];
  /** Figures as the article gives them ("nearly 80 civilians"), possibly empty. */
  figures: string[];
}

export interface CompiledRelation {
  /** The other actor. */
  actorId: string;
  /** How the two are tied, from this actor's side ("supports the forces of"). */
  label: string;
  /** The article's words that state the tie, verbatim. */
  quote: string;
}

export interface CompiledActor {
  id: string;
  name: string;
  kind: ActorKind;
  /** One line: who or what it is, as the article presents it. */
  identity: string;
  identityQuote: string;
  aliases: CompiledAlias[];
  /** Context cues, already lower-cased words or phrases. */
  cues: { support: string[]; contrary: string[] };
  /** Given names and titles that confirm a person's surname ("Donald", "Mr", "President"). */
  givenNames: string[];
  /**
   * Named on many pages that are not about the story (the United States, the UN…): marked only on a page
   * about the story (two or more core actors named). Optional: packs without it treat every actor as core.
   */
  peripheral?: boolean;
  /** Most relevant first. */
  facts: CompiledFact[];
  /** Ties to other actors, in both directions (a relation recorded once in the spec appears on both). */
  related: CompiledRelation[];
}

export interface CompiledSource {
  /** Pack id, e.g. "idlib-2019". */
  id: string;
  /** Title in the article's own words. */
  title: string;
  /** The period it covers, e.g. "late December 2019". */
  period: string;
  /** Where the article lives in the project (assets/articles/…). */
  file: string;
  /** A line for the card's source note. */
  note: string;
  /** The article text itself, when the pack carries it (lets an importer re-check every quote). */
  text?: string;
  /** Where the article was read (http or https), its site, byline and publication date as the page gives them. */
  url?: string;
  site?: string;
  byline?: string;
  published?: string;
}

export interface CompiledFactBase {
  formatVersion: 1;
  source: CompiledSource;
  actors: CompiledActor[];
}
