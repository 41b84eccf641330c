// The review screen: the drafted pack, actor by actor, with the edits a careful reader needs before it is
// used (rename, remove, merge, kind, aliases, facts), then save. Props only (hooks/use-draft-review.ts).
import type { DraftReviewActions, DraftReviewModel } from '../../utils/draft-review/model';
import { ActorEditor } from './ActorEditor';
import { ArticleSummary } from './ArticleSummary';
import { SaveBar } from './SaveBar';

export interface DraftReviewProps {
  model: DraftReviewModel;
  actions: DraftReviewActions;
}

export function DraftReview({ model, actions }: DraftReviewProps) {
  const { stage } = model;
  return (
    <div class="dr-page">
      <header class="dr-header">
        <span class="dr-logo" aria-hidden="true" />
        <div>
          <h1>Review the fact pack</h1>
          <p class="dr-muted">Drafted on this device from one article; nothing left the browser.</p>
        </div>
      </header>
      {stage.kind === 'loading' ? (
        <p class="dr-panel" role="status">
          Drafting…
        </p>
      ) : stage.kind === 'none' ? (
        <p class="dr-panel" role="status" data-testid="draft-problem">
          No article to draft. Open a news article, then choose “Make a fact pack from this article” in the Factlens popup.
        </p>
      ) : stage.kind === 'refused' ? (
        <div class="dr-panel" role="alert" data-testid="draft-problem">
          <p>{stage.message}</p>
          {stage.errors?.length ? (
            <ul>
              {stage.errors.map((e) => (
                <li key={e}>
                  <code dir="auto">{e}</code>
                </li>
              ))}
            </ul>
          ) : null}
          {stage.canForce ? (
            <button type="button" class="dr-button" onClick={actions.draftAnyway}>
              Draft it anyway
            </button>
          ) : null}
        </div>
      ) : (
        <>
          <ArticleSummary source={stage.pack.source} />
          {stage.notices.map((n) => (
            <p key={n} class="dr-notice" role="note">
              {n}
            </p>
          ))}
          <h2 class="dr-section-title">
            Actors <span class="dr-count">{stage.pack.actors.length}</span>
          </h2>
          <div class="dr-actors">
            {stage.pack.actors.map((actor) => (
              <ActorEditor
                key={actor.id}
                actor={actor}
                others={stage.pack.actors.filter((a) => a.id !== actor.id).map((a) => ({ id: a.id, name: a.name }))}
                nameOf={(id) => stage.pack.actors.find((a) => a.id === id)?.name ?? id}
                onRename={(name) => actions.renameActor(actor.id, name)}
                onKind={(kind) => actions.setKind(actor.id, kind)}
                onRemove={() => actions.removeActor(actor.id)}
                onMergeInto={(keepId) => actions.mergeActors(keepId, actor.id)}
                onRemoveAlias={(i) => actions.removeAlias(actor.id, i)}
                onAliasAmbiguous={(i, on) => actions.setAliasAmbiguous(actor.id, i, on)}
                onRemoveFact={(factId) => actions.removeFact(actor.id, factId)}
              />
            ))}
          </div>
          <SaveBar state={model.save} actorCount={stage.pack.actors.length} factbaseUrl={model.factbaseUrl} onSave={actions.save} />
        </>
      )}
    </div>
  );
}
