// The fact card: what the source article says about the actor behind a mention. A WAI-ARIA non-modal dialog
// labelled by the actor's name. Props only: the controller (utils/card/) mounts, places and wires it.
import { useId, useState } from 'preact/hooks';
import type { ActorKind } from '../../utils/factbase/types';
import { FactItem } from './FactItem';
import { MatchReason } from './MatchReason';
import { MentionNav } from './MentionNav';
import { RelatedChips, type RelatedChip } from './RelatedChips';
import { SourceLine } from './SourceLine';
import type { CardProps } from './types';

const KIND_LABEL: Record<ActorKind, string> = {
  person: 'Person',
  place: 'Place',
  state: 'State',
  organisation: 'Organisation',
  event: 'Event',
};

export function Card(props: CardProps) {
  const { lookup, mentionKey, initialFacts = 4 } = props;
  // The related actors walked through from the mentioned one, newest last (a way back).
  const [walk, setWalk] = useState<{ key: string | number; trail: string[] }>({ key: mentionKey, trail: [] });
  const trail = walk.key === mentionKey ? walk.trail : [];
  const [factsOpenFor, setFactsOpenFor] = useState<string | null>(null);
  const baseId = useId();

  const shownId = trail.length > 0 ? trail[trail.length - 1]! : props.actorId;
  const entry = lookup(shownId);
  if (!entry) return null;
  const { actor, source } = entry;
  const previousId = trail.length > 1 ? trail[trail.length - 2]! : props.actorId;
  const previous = trail.length > 0 ? lookup(previousId)?.actor : undefined;

  const nameId = `${baseId}-name`;
  const identityId = `${baseId}-identity`;
  const showAllFacts = factsOpenFor === `${mentionKey}/${actor.id}`;
  const facts = showAllFacts ? actor.facts : actor.facts.slice(0, initialFacts);
  const hiddenFacts = actor.facts.length - facts.length;
  const chips: RelatedChip[] = actor.related.flatMap((r) => {
    const other = lookup(r.actorId)?.actor;
    return other ? [{ actorId: other.id, name: other.name, label: r.label }] : [];
  });
  const stats = props.mentionStats(actor.id);
  const isMentioned = trail.length === 0;
  const go = (id: string) => setWalk({ key: mentionKey, trail: [...trail, id] });
  const back = () => setWalk({ key: mentionKey, trail: trail.slice(0, -1) });

  return (
    <div class="card" role="dialog" aria-labelledby={nameId} aria-describedby={identityId} tabIndex={-1}>
      <header class="header">
        <div class="topline">
          {previous && (
            <button type="button" class="back" onClick={back}>
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                <path d="M10 3.5 5.5 8 10 12.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
              </svg>
              {`Back to ${previous.name}`}
            </button>
          )}
          {!previous && (
            <span class="kind">
              <span class="kind-dot" style={{ backgroundColor: props.kindColours?.[actor.kind] ?? 'currentColor' }} aria-hidden="true" />
              {KIND_LABEL[actor.kind]}
            </span>
          )}
          <span class="header-buttons">
            <button
              type="button"
              class="icon-button"
              aria-pressed={props.pinned}
              aria-label="Keep this card open"
              title={props.pinned ? 'Pinned: stays open' : 'Keep this card open'}
              onClick={props.onTogglePin}
            >
              <svg viewBox="0 0 24 24" width="15" height="15" aria-hidden="true">
                <path d="M12 17v5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
                <path
                  d="M5 17h14v-1.8a2 2 0 0 0-1.1-1.8l-1.8-.9A2 2 0 0 1 15 10.8V6h1a2 2 0 0 0 0-4H8a2 2 0 0 0 0 4h1v4.8a2 2 0 0 1-1.1 1.8l-1.8.9A2 2 0 0 0 5 15.2Z"
                  fill={props.pinned ? 'currentColor' : 'none'}
                  stroke="currentColor"
                  stroke-width="2"
                  stroke-linejoin="round"
                />
              </svg>
            </button>
            <button type="button" class="icon-button" aria-label="Close" title="Close (Esc)" onClick={props.onClose}>
              <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
              </svg>
            </button>
          </span>
        </div>
        <h2 class="name" id={nameId}>{actor.name}</h2>
        {previous && <p class="kind kind-under">{KIND_LABEL[actor.kind]}</p>}
        <p class="identity" id={identityId}>{actor.identity}</p>
      </header>

      {isMentioned && (props.why || props.reason) && props.surface !== undefined && (
        <MatchReason surface={props.surface} actorName={actor.name} reason={props.reason} why={props.why} />
      )}

      <section class="section facts" aria-labelledby={`${baseId}-facts`}>
        <h3 class="section-title" id={`${baseId}-facts`}>What the article says</h3>
        {actor.facts.length === 0 ? (
          <p class="empty">{`The article gives no further facts about ${actor.name}.`}</p>
        ) : (
          <ul class="fact-list">
            {facts.map((fact) => (
              <FactItem key={fact.id} fact={fact} />
            ))}
          </ul>
        )}
        {hiddenFacts > 0 && (
          <button type="button" class="link-button more" onClick={() => setFactsOpenFor(`${mentionKey}/${actor.id}`)}>
            {hiddenFacts === 1 ? 'Show 1 more fact' : `Show ${hiddenFacts} more facts`}
          </button>
        )}
      </section>

      <RelatedChips key={actor.id} chips={chips} onSelect={go} headingId={`${baseId}-related`} />

      <MentionNav
        count={stats.count}
        index={stats.index}
        onPrevious={() => props.onStep(actor.id, 'previous')}
        onNext={() => props.onStep(actor.id, 'next')}
      />
      <SourceLine source={source} onOpenFactbase={() => props.onOpenFactbase(actor.id)} />
    </div>
  );
}
