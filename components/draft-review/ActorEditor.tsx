// One drafted actor on the review screen: name, kind, identity, aliases, facts, and the actor-level edits
// (remove, merge into another). Props only; every pack string is isolated (dir="auto" or <bdi>).
import { useState } from 'preact/hooks';
import { KIND_LABELS } from '../../utils/factbase/kinds';
import { ACTOR_KINDS, type ActorKind, type CompiledActor } from '../../utils/factbase/types';
import { AliasChip } from './AliasChip';
import { DraftFact } from './DraftFact';

export interface ActorEditorProps {
  actor: CompiledActor;
  /** The other actors (merge targets), id and name. */
  others: { id: string; name: string }[];
  nameOf(actorId: string): string;
  onRename(name: string): void;
  onKind(kind: ActorKind): void;
  onRemove(): void;
  onMergeInto(keepId: string): void;
  onRemoveAlias(index: number): void;
  onAliasAmbiguous(index: number, ambiguous: boolean): void;
  onRemoveFact(factId: string): void;
}

/** Facts shown before "Show all": the review stays a list of actors, not of sentences. */
const FACTS_SHOWN = 3;

export function ActorEditor(props: ActorEditorProps) {
  const { actor } = props;
  const [mergeTarget, setMergeTarget] = useState('');
  const [allFacts, setAllFacts] = useState(false);
  const facts = allFacts ? actor.facts : actor.facts.slice(0, FACTS_SHOWN);
  const nameId = `dr-name-${actor.id}`;
  return (
    <article class={`dr-actor dr-kind-${actor.kind}`} data-actor-id={actor.id} aria-labelledby={`${nameId}-h`}>
      <header class="dr-actor-head">
        <h3 class="dr-visually-hidden" id={`${nameId}-h`}>
          <bdi>{actor.name}</bdi>
        </h3>
        <label class="dr-field dr-name">
          <span class="dr-label">Name</span>
          <input
            id={nameId}
            dir="auto"
            value={actor.name}
            onChange={(e) => props.onRename((e.currentTarget as HTMLInputElement).value)}
            data-testid="actor-name"
          />
        </label>
        <label class="dr-field dr-kind">
          <span class="dr-label">Kind</span>
          <select value={actor.kind} onChange={(e) => props.onKind((e.currentTarget as HTMLSelectElement).value as ActorKind)}>
            {ACTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k].one}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="dr-button danger" onClick={props.onRemove} aria-label={`Remove ${actor.name}`} data-testid="remove-actor">
          Remove
        </button>
      </header>
      <p class="dr-identity" dir="auto">
        {actor.identity}
      </p>

      <h4 class="dr-subtitle">Names on pages</h4>
      <ul class="dr-aliases">
        {actor.aliases.map((alias, i) => (
          <AliasChip
            key={alias.text}
            alias={alias}
            removable={actor.aliases.length > 1}
            onAmbiguous={(on) => props.onAliasAmbiguous(i, on)}
            onRemove={() => props.onRemoveAlias(i)}
          />
        ))}
      </ul>

      <h4 class="dr-subtitle">
        What the article says <span class="dr-count">{actor.facts.length}</span>
      </h4>
      {actor.facts.length === 0 ? <p class="dr-warning">No fact left: remove this actor or keep one fact.</p> : null}
      <ul class="dr-facts">
        {facts.map((fact) => (
          <DraftFact
            key={fact.id}
            fact={fact}
            others={fact.actors.slice(1).map(props.nameOf)}
            onRemove={() => props.onRemoveFact(fact.id)}
          />
        ))}
      </ul>
      {facts.length < actor.facts.length ? (
        <button type="button" class="dr-link dr-more" onClick={() => setAllFacts(true)}>
          {`Show all ${actor.facts.length} facts`}
        </button>
      ) : null}

      {props.others.length > 0 ? (
        <footer class="dr-merge">
          <label>
            <span class="dr-muted">Same actor as</span>{' '}
            <select value={mergeTarget} onChange={(e) => setMergeTarget((e.currentTarget as HTMLSelectElement).value)} data-testid="merge-target">
              <option value="">choose…</option>
              {props.others.map((o) => (
                <option key={o.id} value={o.id} dir="auto">
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="dr-button" disabled={!mergeTarget} onClick={() => props.onMergeInto(mergeTarget)} data-testid="merge">
            Merge into it
          </button>
        </footer>
      ) : null}
    </article>
  );
}
