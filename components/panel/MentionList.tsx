import { useEffect, useRef } from 'preact/hooks';
import { KIND_LABELS } from '../../utils/factbase/kinds';
import { rowKey, type PackGroup } from '../../utils/panel/rows';
import type { ExportRow } from '../../utils/export/row';
import { MentionSentence } from './MentionSentence';

export interface MentionListProps {
  groups: PackGroup[];
  /** The rows in list order: what the arrow keys walk. */
  shown: ExportRow[];
  selected: string | null;
  onReveal(row: ExportRow): void;
  onCopy(row: ExportRow): void;
}

const optionId = (row: ExportRow) => `fp-m-${rowKey(row)}`;
const safeId = (s: string) => s.replace(/[^a-zA-Z0-9_-]/g, '-');

/**
 * Every mention in its sentence, grouped by actor (and pack, with several): an ARIA listbox that keeps focus
 * and moves the active option (aria-activedescendant). Arrows, Home/End and Page Up/Down move and show the
 * mention on the page; Enter or Space shows it again; C copies it with its source.
 */
export function MentionList({ groups, shown, selected, onReveal, onCopy }: MentionListProps) {
  const list = useRef<HTMLDivElement>(null);
  const several = groups.length > 1;
  const at = selected === null ? -1 : shown.findIndex((r) => rowKey(r) === selected);

  useEffect(() => {
    if (at < 0) return;
    list.current?.querySelector(`#${CSS.escape(optionId(shown[at]!))}`)?.scrollIntoView({ block: 'nearest' });
  }, [at, shown]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (shown.length === 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const go = (i: number) => {
      e.preventDefault();
      onReveal(shown[Math.max(0, Math.min(shown.length - 1, i))]!);
    };
    switch (e.key) {
      case 'ArrowDown':
        return go(at < 0 ? 0 : at + 1);
      case 'ArrowUp':
        return go(at < 0 ? shown.length - 1 : at - 1);
      case 'Home':
        return go(0);
      case 'End':
        return go(shown.length - 1);
      case 'PageDown':
        return go(at + 10);
      case 'PageUp':
        return go(at - 10);
      case 'Enter':
      case ' ':
        return go(at < 0 ? 0 : at);
      case 'c':
      case 'C':
        if (at >= 0) {
          e.preventDefault();
          onCopy(shown[at]!);
        }
        return;
    }
  };

  if (shown.length === 0) return <p class="fp-empty">No mention matches the filter.</p>;
  return (
    <div
      ref={list}
      class="fp-list"
      role="listbox"
      tabIndex={0}
      aria-label="Mentions on the page"
      aria-activedescendant={at >= 0 ? optionId(shown[at]!) : undefined}
      onKeyDown={onKeyDown}
      data-testid="mention-list"
    >
      {groups.map((pack) =>
        pack.actors.map((actor, i) => {
          const head = `fp-g-${safeId(pack.pack)}-${safeId(actor.actorId)}`;
          return (
            <div key={`${pack.pack}/${actor.actorId}`} role="group" aria-labelledby={head} class="fp-group" data-actor-id={actor.actorId}>
              {several && i === 0 ? (
                <div role="presentation" class="fp-pack-head">
                  {pack.packTitle || pack.pack}
                </div>
              ) : null}
              <div role="presentation" id={head} class="fp-group-head">
                <span class={`fp-kind fp-kind-${actor.kind}`}>{KIND_LABELS[actor.kind].one}</span>
                <span class="fp-actor">{actor.actor}</span>
                <span class="fp-count">
                  {actor.rows.length}
                  <span class="fp-visually-hidden"> mention{actor.rows.length === 1 ? '' : 's'}</span>
                </span>
              </div>
              {actor.rows.map((row) => {
                const key = rowKey(row);
                return (
                  <div
                    key={key}
                    id={optionId(row)}
                    role="option"
                    aria-selected={key === selected}
                    class="fp-option"
                    data-start={row.start}
                    data-end={row.end}
                    onClick={() => onReveal(row)}
                  >
                    <MentionSentence row={row} />
                  </div>
                );
              })}
            </div>
          );
        }),
      )}
    </div>
  );
}
