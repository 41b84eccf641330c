// Types shared by the drafter's modules. The drafter is pure: text in, a fact pack (the import format of
// docs/fact-packs.md) out; no DOM, no browser or Node API.
import type { ActorKind } from '../factbase/types';

/** A stretch of the article text, [start, end) in UTF-16 code units. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What the page says about the article, beside its text (all optional: a .txt file has none of it). */
export interface ArticleMeta {
  readonly title?: string;
  readonly byline?: string;
  readonly site?: string;
  /** As the page gives it (ISO date or date-time preferred). */
  readonly published?: string;
  readonly url?: string;
  /** Informative: where the article came from (a file path or the URL). */
  readonly file?: string;
}

/** One occurrence of a name in the text, already typed. */
export interface Mention extends Span {
  /** Exactly as written: text.slice(start, end). */
  readonly text: string;
  readonly kind: ActorKind;
  /** The entry this mention belongs to, when the gazetteer or a rule already knows it (e.g. "Moscow" → "Russia"). */
  readonly canonical?: string;
  /** How the mention names its actor: full name, surname, acronym, demonym, capital, head noun. */
  readonly form: 'name' | 'surname' | 'acronym' | 'demonym' | 'capital' | 'head' | 'other';
  /** Title words written just before a person's name ("US President", "Presidential spokesman"). */
  readonly title?: Span;
  /** Index of the sentence it is in. */
  readonly sentence: number;
  /** A single unknown word typed by a guess: kept only if it joins a stronger name or recurs. */
  readonly weak?: boolean;
}

/** Why the drafter did not (fully) draft: typed, with a message a reader understands. */
export type DraftProblem =
  | { readonly code: 'empty'; readonly message: string }
  | { readonly code: 'language'; readonly message: string; readonly englishScore: number }
  | { readonly code: 'no-actors'; readonly message: string }
  | { readonly code: 'invalid'; readonly message: string; readonly errors: readonly string[] };

export interface DraftNotice {
  readonly code: 'truncated' | 'language-uncertain';
  readonly message: string;
}
