// The fact card: what the source article says about the actor behind a mention. A WAI-ARIA non-modal dialog
// labelled by the actor's name. Props only: the controller (utils/card/) mounts, places and wires it.
import { useId, useState } from 'preact/hooks';
import type { ActorKind } from '../../utils/factbase/types';
import { FactItem } from './FactItem';
import { FactSource } from './FactSource';
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
  // One actor in several stories (packs): each story's facts under its own source, the first story first.
  const stories = (props.entries?.(actor.id) ?? []).filter((e) => e.actor.facts.length > 0);
  const groups = stories.length > 1 ? stories : [entry];
  const shownFacts = groups.map((g) => (showAllFacts ? g.actor.facts : g.actor.facts.slice(0, initialFacts)));
  const facts = shownFacts[0]!;
  const hiddenFacts = groups.reduce((n, g, i) => n + g.actor.facts.length - shownFacts[i]!.length, 0);
  const chips: RelatedChip[] = actor.related.flatMap((r) => {
    const other = lookup(r.actorId)?.actor;
    return other ? [{ actorId: other.id, name: other.name, label: r.label }] : [];
  });
  const stats = props.mentionStats(actor.id);
  const isMentioned = trail.length === 0;
  const go = (id: string) => setWalk({ key: mentionKey, trail: [...trail, id] });
  const back = () => setWalk({ key: mentionKey, trail: trail.slice(0, -1) });

  return (
    // The card's own words are English, left to right, whatever the page's language (WCAG 3.1.2): a screen
    // reader on an Arabic page reads them in English; pack strings inside keep their own (dir="auto", <bdi>).
    <div class="card" role="dialog" lang="en" dir="ltr" aria-labelledby={nameId} aria-describedby={identityId} tabIndex={-1}>
      <div class="header">
        <div class="topline">
          {previous && (
            <button type="button" class="back" onClick={back}>
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                <path d="M10 3.5 5.5 8 10 12.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
              </svg>
              Back to <bdi>{previous.name}</bdi>
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
        <h2 class="name" id={nameId} dir="auto">{actor.name}</h2>
        {previous && <p class="kind kind-under">{KIND_LABEL[actor.kind]}</p>}
        <p class="identity" id={identityId} dir="auto">{actor.identity}</p>
        {isMentioned && props.link && (
          <button type="button" class="link-button open-link" title={props.link.href} onClick={props.link.onOpen}>
            Open link
          </button>
        )}
      </div>

      {isMentioned && (props.why || props.reason) && props.surface !== undefined && (
        <MatchReason surface={props.surface} actorName={actor.name} reason={props.reason} why={props.why} />
      )}

      <section class="section facts" aria-labelledby={`${baseId}-facts`}>
        <h3 class="section-title" id={`${baseId}-facts`}>{groups.length > 1 ? `What ${groups.length} articles say` : 'What the article says'}</h3>
        {groups.length > 1 ? (
          groups.map((g, i) => (
            <div class="story" key={g.source.id} data-source-id={g.source.id}>
              <FactSource source={g.source} />
              <ul class="fact-list">
                {shownFacts[i]!.map((fact) => (
                  <FactItem key={fact.id} fact={fact} />
                ))}
              </ul>
            </div>
          ))
        ) : actor.facts.length === 0 ? (
          <p class="empty">
            The article gives no further facts about <bdi>{actor.name}</bdi>.
          </p>
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
      <SourceLine source={source} stories={groups.length} onOpenFactbase={() => props.onOpenFactbase(actor.id)} />
    </div>
  );
}
