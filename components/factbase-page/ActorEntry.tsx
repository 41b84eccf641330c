import type { CompiledActor } from '../../utils/factbase/types';
import { KIND_LABELS } from '../../utils/factbase/kinds';
import { relationText } from '../../utils/factbase-page/relation-text';

export interface ActorEntryProps {
  actor: CompiledActor;
  packTitle: string;
  /** The element id for deep links (factbase.html#id); absent when another pack already uses the id. */
  anchorId?: string;
  /** Names of other actors, for the relations. */
  nameOf(actorId: string): string;
}

/** One actor with its identity, aliases, facts and ties, each with the article's own words. Text only. */
export function ActorEntry({ actor, packTitle, anchorId, nameOf }: ActorEntryProps) {
  return (
    <article class="fb-actor" id={anchorId} data-actor-id={actor.id} tabIndex={-1} aria-labelledby={`${anchorId ?? actor.id}-name`}>
      <header>
        <h2 id={`${anchorId ?? actor.id}-name`} dir="auto">{actor.name}</h2>
        <span class={`fb-kind fb-kind-${actor.kind}`}>{KIND_LABELS[actor.kind].one}</span>
      </header>
      <p class="fb-identity" dir="auto">{actor.identity}</p>
      {actor.identityQuote ? <blockquote class="fb-quote" dir="auto">{actor.identityQuote}</blockquote> : null}
      {actor.aliases.length ? (
        <p class="fb-aliases">
          <span class="fb-label">Also written: </span>
          {actor.aliases.map((a, i) => (
            <span key={a.text}>
              {i > 0 ? ', ' : ''}
              <bdi>{a.text}</bdi>
            </span>
          ))}
        </p>
      ) : null}
      {actor.facts.length ? (
        <ul class="fb-facts">
          {actor.facts.map((fact) => (
            <li key={fact.id} data-fact-id={fact.id}>
              <p class="fb-fact" dir="auto">{fact.text}</p>
              <blockquote class="fb-quote" dir="auto">{fact.quote}</blockquote>
            </li>
          ))}
        </ul>
      ) : null}
      {actor.related.length ? (
        <ul class="fb-related">
          {actor.related.map((r) => {
            // A sentence with both names, the other's in the label's slot: "Donald Trump called on Russia to stop…".
            const { before, after } = relationText(r.label);
            return (
              <li key={`${r.actorId}-${r.label}`} data-related={r.actorId}>
                <p class="fb-relation">
                  <bdi>{actor.name}</bdi> <bdi>{before}</bdi> <a href={`#${r.actorId}`} dir="auto">{nameOf(r.actorId)}</a>
                  {after ? <> <bdi>{after}</bdi></> : ''}
                </p>
                <blockquote class="fb-quote" dir="auto">{r.quote}</blockquote>
              </li>
            );
          })}
        </ul>
      ) : null}
      <p class="fb-source">From: <bdi>{packTitle}</bdi></p>
    </article>
  );
}
