// A pack's controls on the fact-base page: on/off (every pack, the built-in one too), export as a file, and
// removal for imported packs. A built-in pack ships with the extension and would come back with the next
// update, so it is turned off rather than removed (and the line says so).
import type { PackEntry } from '../../utils/factbase-page/model';

export interface PackControlsProps {
  pack: PackEntry;
  onToggle(id: string, enabled: boolean): void;
  onExport(id: string): void;
  onRemove(id: string): void;
}

export function PackControls({ pack, onToggle, onExport, onRemove }: PackControlsProps) {
  return (
    <span class="fb-pack-controls">
      <label>
        <input
          type="checkbox"
          checked={pack.enabled}
          onChange={(e) => onToggle(pack.id, (e.currentTarget as HTMLInputElement).checked)}
          data-testid="pack-enabled"
        />
        On<span class="fb-visually-hidden" dir="auto">{` (${pack.title})`}</span>
      </label>
      <button type="button" onClick={() => onExport(pack.id)} aria-label={`Export the pack ${pack.title} as a file`} data-testid="pack-export">
        Export
      </button>
      {pack.builtIn ? (
        <span class="fb-muted" title="It ships with Factlens and would come back with the next update: turn it off instead">
          Not removable
        </span>
      ) : (
        <button type="button" onClick={() => onRemove(pack.id)} aria-label={`Remove the pack ${pack.title}`} data-testid="pack-remove">
          Remove
        </button>
      )}
    </span>
  );
}
