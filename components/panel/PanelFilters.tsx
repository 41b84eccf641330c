import { KIND_LABELS } from '../../utils/factbase/kinds';
import { NO_FILTER, type PanelFilter } from '../../utils/panel/rows';
import { FilterSelect } from './FilterSelect';
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
      <FilterSelect label="Actor" allLabel="All actors" testId="filter-actor" value={filter.actorId} options={options.actors}
        onChange={(actorId) => onChange({ ...filter, actorId })} />
      <FilterSelect label="Kind" allLabel="All kinds" testId="filter-kind" value={filter.kind} options={options.kinds}
        optionLabel={(o) => KIND_LABELS[o.value].many} onChange={(kind) => onChange({ ...filter, kind })} />
      {options.packs.length > 1 ? (
        <FilterSelect label="Pack" allLabel="All packs" testId="filter-pack" value={filter.pack} options={options.packs}
          onChange={(pack) => onChange({ ...filter, pack })} />
      ) : null}
      <button type="button" class="fp-clear" disabled={!filtered} onClick={() => onChange(NO_FILTER)} data-testid="filter-clear">
        Clear
      </button>
    </div>
  );
}
