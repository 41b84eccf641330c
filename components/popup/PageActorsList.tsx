import type { ActorGroup } from '../../utils/popup/actor-groups';
import type { ActorKind } from '../../utils/factbase/types';

export interface PageActorsListProps {
  groups: ActorGroup[];
  colours: Record<ActorKind, string>;
  onChoose(actorId: string): void;
}

/**
 * The actors found on the page, grouped by kind; each is a button that shows its first mention. When the
 * actors come from more than one fact base, each base's groups are headed by its title.
 */
export function PageActorsList({ groups, colours, onChoose }: PageActorsListProps) {
  const sources = new Set(groups.flatMap((g) => (g.source ? [g.source.id] : [])));
  const bySource = sources.size > 1;
  return (
    <div class="fl-groups" data-testid="page-actors">
      {groups.map((group, i) => {
        const firstOfSource = bySource && group.source && groups[i - 1]?.source?.id !== group.source.id;
        const id = `group-${group.key.replace(/[^a-z0-9-]/g, '-')}`;
        return (
          <section key={group.key} class="fl-group" aria-labelledby={id} data-source-id={group.source?.id}>
            {firstOfSource ? <h3 class="fl-source-title" dir="auto">{group.source!.title}</h3> : null}
            <h3 id={id} class="fl-group-title">
              {group.label}
            </h3>
            <ul class="fl-actor-list">
              {group.actors.map((actor) => (
                <li key={actor.actorId}>
                  <button
                    type="button"
                    class="fl-actor"
                    data-actor-id={actor.actorId}
                    onClick={() => onChoose(actor.actorId)}
                  >
                    <span
                      class="fl-dot"
                      aria-hidden="true"
                      style={{ background: group.kind === 'other' ? 'currentColor' : colours[group.kind] }}
                    />
                    {/* The name read out starts with the visible text (WCAG 2.5.3): "Russia 12 mentions, show the first". */}
                    <bdi class="fl-actor-name">{actor.name}</bdi>{' '}
                    <span class="fl-count">{actor.count}</span>
                    <span class="fl-visually-hidden"> mention{actor.count === 1 ? '' : 's'}, show the first</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
