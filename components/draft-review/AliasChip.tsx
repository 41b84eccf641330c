// One alias of a drafted actor: its text (isolated: a pack string), its case rule, "ambiguous" and removal.
import type { CompiledAlias } from '../../utils/factbase/types';

export interface AliasChipProps {
  alias: CompiledAlias;
  /** The actor's last alias cannot go (it would match nothing). */
  removable: boolean;
  onAmbiguous(ambiguous: boolean): void;
  onRemove(): void;
}

const CASE_HINT: Record<CompiledAlias['caseRule'], string> = {
  proper: 'Counts when capitalised',
  exact: 'Counts only as written',
  any: 'Counts in any case',
};

export function AliasChip({ alias, removable, onAmbiguous, onRemove }: AliasChipProps) {
  return (
    <li class={`dr-alias${alias.ambiguous ? ' dr-alias-ambiguous' : ''}`} title={CASE_HINT[alias.caseRule]}>
      <bdi class="dr-alias-text">{alias.text}</bdi>
      {alias.surname ? <span class="dr-tag">surname</span> : null}
      <label class="dr-alias-flag">
        <input type="checkbox" checked={alias.ambiguous} onChange={(e) => onAmbiguous((e.currentTarget as HTMLInputElement).checked)} />
        ambiguous
      </label>
      <button type="button" class="dr-x" disabled={!removable} onClick={onRemove} aria-label={`Remove the alias ${alias.text}`}>
        ×
      </button>
    </li>
  );
}
