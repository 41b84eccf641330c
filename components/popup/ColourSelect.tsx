// A colour for one kind of actor, chosen from the marks' palette (utils/settings/palette.ts): a labelled
// <select> of named colours with a swatch of the current one, so what is picked is exactly what is painted.
import { MARK_PALETTE } from '../../utils/settings/palette';

export interface ColourSelectProps {
  label: string;
  value: string;
  onChange: (hex: string) => void;
}

export function ColourSelect({ label, value, onChange }: ColourSelectProps) {
  const current = value.toLowerCase();
  const known = MARK_PALETTE.some((c) => c.hex === current);
  return (
    <label class="fl-colour">
      <span class="fl-swatch" style={{ background: current }} aria-hidden="true" />
      <span class="fl-visually-hidden">{label}</span>
      <select value={current} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {/* A colour stored by an earlier version that is not in the palette is shown as it is painted. */}
        {!known && <option value={current}>Custom</option>}
        {MARK_PALETTE.map((c) => (
          <option key={c.hex} value={c.hex}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
