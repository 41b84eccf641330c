import type { ImportState } from '../../utils/factbase-page/model';

export interface PackImportProps {
  state: ImportState;
  onFile(file: File): void;
}

/** Choose a pack file; a refused pack lists the path of each fault. */
export function PackImport({ state, onFile }: PackImportProps) {
  return (
    <div class="fb-import">
      <label>
        Import a fact pack (JSON){' '}
        <input
          type="file"
          accept=".json,application/json"
          data-testid="pack-file"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) onFile(file);
            input.value = '';
          }}
        />
      </label>
      {state.kind === 'ok' ? (
        <p role="status" class="fb-ok">
          Imported “{state.id}”.
        </p>
      ) : null}
      {state.kind === 'refused' ? (
        <div role="alert" class="fb-errors" data-testid="pack-errors">
          <p>
            {state.fileName} was not imported ({state.errors.length} fault{state.errors.length === 1 ? '' : 's'}); nothing was stored:
          </p>
          <ul>
            {state.errors.map((err, i) => (
              <li key={i}>
                <code>{err}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
