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
            {p.notOnPages ? (
              <span class="fb-pack-warning" data-testid="pack-not-on-pages">
                Not marked on pages: the packs together are too large for the browser's extension storage (10 MB). Remove
                a large pack to use the others.
              </span>
            ) : null}
          </div>
          <PackControls pack={p} onToggle={onToggle} onExport={onExport} onRemove={onRemove} />
        </li>
      ))}
    </ul>
  );
}
