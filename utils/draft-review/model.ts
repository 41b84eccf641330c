// What the review screen shows and can do: the draft page's state (hooks/use-draft-review.ts holds it) and
// the actions its views call. Data and callbacks only.
import type { ActorKind, CompiledFactBase } from '../factbase/types';

export type DraftStage =
  | { kind: 'loading' }
  /** No article was handed over (the page was opened by hand, or the browser was restarted). */
  | { kind: 'none' }
  /** The page had no article, or the drafter refused the text (with why; `canForce` for a language doubt). */
  | { kind: 'refused'; message: string; errors?: readonly string[]; canForce?: boolean }
  | { kind: 'review'; pack: CompiledFactBase; notices: string[] };

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; id: string; actorCount: number }
  /** Nothing was stored: each fault with its path (as on import), or the storage's refusal. */
  | { kind: 'refused'; errors: string[] };

export interface DraftReviewModel {
  stage: DraftStage;
  save: SaveState;
  /** The fact-base page's address, for "see it in the fact base". */
  factbaseUrl: string;
}

export interface DraftReviewActions {
  renameActor(actorId: string, name: string): void;
  removeActor(actorId: string): void;
  mergeActors(keepId: string, goneId: string): void;
  setKind(actorId: string, kind: ActorKind): void;
  removeAlias(actorId: string, aliasIndex: number): void;
  setAliasAmbiguous(actorId: string, aliasIndex: number, ambiguous: boolean): void;
  removeFact(actorId: string, factId: string): void;
  /** Drafts an article the drafter doubts is English anyway. */
  draftAnyway(): void;
  save(): void;
}
