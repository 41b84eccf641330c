import type { PackEntry } from '../../utils/factbase-page/model';

export interface PackListProps {
  packs: PackEntry[];
  onToggle(id: string, enabled: boolean): void;
  onRemove(id: string): void;
}

export function PackList({ packs, onToggle, onRemove }: PackListProps) {
  return (
    <ul class="fb-packs" data-testid="pack-list">
      {packs.map((p) => (
        <li key={p.id} data-pack-id={p.id}>
          <div class="fb-pack-text">
            <strong>{p.title}</strong>
            <span class="fb-muted">
              {p.id} · {p.period} · {p.actorCount} actor{p.actorCount === 1 ? '' : 's'}
              {p.builtIn ? ' · built in' : ''}
            </span>
          </div>
          {p.builtIn ? (
            <span class="fb-muted">Always on</span>
          ) : (
            <>
              <label>
                <input type="checkbox" checked={p.enabled} onChange={(e) => onToggle(p.id, (e.currentTarget as HTMLInputElement).checked)} />
                On<span class="fb-visually-hidden"> ({p.title})</span>
              </label>
              <button type="button" onClick={() => onRemove(p.id)} aria-label={`Remove the pack ${p.title}`}>
                Remove
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
