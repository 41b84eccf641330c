import type { PackEntry } from '../../utils/factbase-page/model';
import { PackControls } from './PackControls';

export interface PackListProps {
  packs: PackEntry[];
  onToggle(id: string, enabled: boolean): void;
  onRemove(id: string): void;
  onExport(id: string): void;
}

export function PackList({ packs, onToggle, onRemove, onExport }: PackListProps) {
  return (
    <ul class="fb-packs" data-testid="pack-list">
      {packs.map((p) => (
        <li key={p.id} data-pack-id={p.id}>
          <div class="fb-pack-text">
            <strong dir="auto">{p.title}</strong>
            <span class="fb-muted">
              {p.id} · <bdi>{p.period}</bdi> · {p.actorCount} actor{p.actorCount === 1 ? '' : 's'}
              {p.builtIn ? ' · built in' : ''}
            </span>
          </div>
          <PackControls pack={p} onToggle={onToggle} onExport={onExport} onRemove={onRemove} />
        </li>
      ))}
    </ul>
  );
}
