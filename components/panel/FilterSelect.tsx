import type { FilterOption } from '../../utils/panel/rows';

export interface FilterSelectProps<V extends string> {
  /** The field's visible name ("Actor"). */
  label: string;
  /** The first choice, which filters nothing ("All actors"). */
  allLabel: string;
  value: V | '';
  options: readonly FilterOption<V>[];
  /** How a choice reads, before its count; the option's own label by default. */
  optionLabel?: (option: FilterOption<V>) => string;
  testId: string;
  onChange(value: V | ''): void;
}

/** One of the panel's filters: a native select whose choices carry their counts over the whole page. */
export function FilterSelect<V extends string>(props: FilterSelectProps<V>) {
  const { label, allLabel, value, options, optionLabel = (o) => o.label, testId, onChange } = props;
  return (
    <label class="fp-field">
      <span>{label}</span>
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.currentTarget.value as V | '')}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {optionLabel(o)} ({o.count})
          </option>
        ))}
      </select>
    </label>
  );
}
