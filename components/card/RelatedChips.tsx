// The actors tied to this one, as chips; choosing one switches the card to that actor.
import { useState } from 'preact/hooks';

export interface RelatedChip {
  actorId: string;
  name: string;
  /** How the two are tied, from the shown actor's side ("supports the forces of"). */
  label: string;
}

export interface RelatedChipsProps {
  chips: RelatedChip[];
  onSelect(actorId: string): void;
  /** Chips shown before a "more" button (many related actors keep the card short). */
  initialCount?: number;
  headingId: string;
}

export function RelatedChips({ chips, onSelect, initialCount = 6, headingId }: RelatedChipsProps) {
  const [all, setAll] = useState(false);
  if (chips.length === 0) return null;
  const shown = all ? chips : chips.slice(0, initialCount);
  const hidden = chips.length - shown.length;
  return (
    <section class="section related" aria-labelledby={headingId}>
      <h3 class="section-title" id={headingId}>Related</h3>
      <ul class="chips">
        {shown.map((chip) => (
          <li key={chip.actorId}>
            <button type="button" class="chip" title={chip.label} onClick={() => onSelect(chip.actorId)}>
              <bdi class="chip-name">{chip.name}</bdi>
              <span class="visually-hidden">
                , <bdi>{chip.label}</bdi>
              </span>
            </button>
          </li>
        ))}
        {hidden > 0 && (
          <li>
            <button type="button" class="chip chip-more" onClick={() => setAll(true)}>
              {`+${hidden} more`}
            </button>
          </li>
        )}
      </ul>
    </section>
  );
}
