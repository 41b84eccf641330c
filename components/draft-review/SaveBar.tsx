// The review screen's footer: save, and what saving did (stored and on, or each fault with its path and
// nothing stored).
import type { SaveState } from '../../utils/draft-review/model';

export interface SaveBarProps {
  state: SaveState;
  actorCount: number;
  factbaseUrl: string;
  onSave(): void;
}

export function SaveBar({ state, actorCount, factbaseUrl, onSave }: SaveBarProps) {
  return (
    <footer class="dr-savebar">
      <div class="dr-save-status" role="status" aria-live="polite" data-testid="save-status">
        {state.kind === 'saved' ? (
          <p class="dr-ok">
            Saved and turned on: its {state.actorCount} actors are marked on every open page.{' '}
            <a href={factbaseUrl} target="_blank" rel="noopener">
              See it in the fact base
            </a>
          </p>
        ) : state.kind === 'refused' ? (
          <div class="dr-errors">
            <p>Nothing was saved:</p>
            <ul>
              {state.errors.map((e) => (
                <li key={e} dir="auto">
                  <code>{e}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p class="dr-muted">
            {actorCount} actor{actorCount === 1 ? '' : 's'}. Check the names and merges, then save: Factlens will mark them on every page.
          </p>
        )}
      </div>
      <button
        type="button"
        class="dr-button primary"
        onClick={onSave}
        disabled={state.kind === 'saving' || state.kind === 'saved' || actorCount === 0}
        data-testid="save-pack"
      >
        {state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? 'Saved' : 'Save fact pack'}
      </button>
    </footer>
  );
}
