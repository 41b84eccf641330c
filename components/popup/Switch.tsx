// A labelled on/off switch: a real checkbox (keyboard and screen readers get it for free) drawn as a switch.
export interface SwitchProps {
  label: string;
  checked: boolean;
  disabled?: boolean;
  /** Extra line under the label. */
  hint?: string;
  onChange(checked: boolean): void;
  testId?: string;
}

export function Switch({ label, checked, disabled, hint, onChange, testId }: SwitchProps) {
  return (
    <label class={`fl-switch${disabled ? ' is-disabled' : ''}`}>
      <span class="fl-switch-text">
        <span class="fl-switch-label">{label}</span>
        {hint ? <span class="fl-switch-hint">{hint}</span> : null}
      </span>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="fl-switch-track" aria-hidden="true" />
    </label>
  );
}
