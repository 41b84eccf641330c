import { KIND_LABELS } from '../../utils/factbase/kinds';
import { NO_FILTER, type PanelFilter } from '../../utils/panel/rows';
import type { ActorKind } from '../../utils/factbase/types';
import type { PanelView } from './types';

export interface PanelFiltersProps {
  filter: PanelFilter;
  options: PanelView['options'];
  onChange(filter: PanelFilter): void;
}

/** Actor, kind and (with several packs) pack: native selects, each with its counts over the whole page. */
export function PanelFilters({ filter, options, onChange }: PanelFiltersProps) {
  const filtered = filter.actorId !== '' || filter.kind !== '' || filter.pack !== '';
  return (
    <div class="fp-filters" role="group" aria-label="Filter the mentions">
      <label class="fp-field">
        <span>Actor</span>
        <select value={filter.actorId} data-testid="filter-actor" onChange={(e) => onChange({ ...filter, actorId: e.currentTarget.value })}>
          <option value="">All actors</option>
          {options.actors.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label} ({o.count})
            </option>
          ))}
        </select>
      </label>
      <label class="fp-field">
        <span>Kind</span>
        <select value={filter.kind} data-testid="filter-kind" onChange={(e) => onChange({ ...filter, kind: e.currentTarget.value as ActorKind | '' })}>
          <option value="">All kinds</option>
          {options.kinds.map((o) => (
            <option key={o.value} value={o.value}>
              {KIND_LABELS[o.value].many} ({o.count})
            </option>
          ))}
        </select>
      </label>
      {options.packs.length > 1 ? (
        <label class="fp-field">
          <span>Pack</span>
          <select value={filter.pack} data-testid="filter-pack" onChange={(e) => onChange({ ...filter, pack: e.currentTarget.value })}>
            <option value="">All packs</option>
            {options.packs.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label} ({o.count})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="button" class="fp-clear" disabled={!filtered} onClick={() => onChange(NO_FILTER)} data-testid="filter-clear">
        Clear
      </button>
    </div>
  );
}
