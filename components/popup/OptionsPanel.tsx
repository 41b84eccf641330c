import { ACTOR_KINDS, type ActorKind } from '../../utils/factbase/types';
import { KIND_LABELS } from '../../utils/factbase/kinds';
import { MAX_HOVER_DELAY_MS, type Settings } from '../../utils/settings/schema';
import { SitesEditor } from './SitesEditor';
import { ColourSelect } from './ColourSelect';

export interface OptionsPanelProps {
  settings: Settings;
  onChange(next: Settings): void;
  onReset(): void;
}

type Choice<T extends string> = { value: T; label: string };

function Radios<T extends string>(props: { legend: string; name: string; value: T; choices: Choice<T>[]; onChange(v: T): void }) {
  return (
    <fieldset class="fl-radios">
      <legend>{props.legend}</legend>
      {props.choices.map((c) => (
        <label key={c.value}>
          <input type="radio" name={props.name} value={c.value} checked={props.value === c.value} onChange={() => props.onChange(c.value)} />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The settings chosen with radio buttons: their legend and choices. */
type RadioSetting = 'markStyle' | 'cardTrigger' | 'theme';
const RADIO_SETTINGS: { [K in RadioSetting]: { legend: string; choices: Choice<Settings[K]>[] } } = {
  markStyle: {
    legend: 'Mark style',
    choices: [{ value: 'underline', label: 'Underline' }, { value: 'tint', label: 'Tint' }, { value: 'both', label: 'Both' }],
  },
  cardTrigger: { legend: 'Open the card on', choices: [{ value: 'hover', label: 'Hover' }, { value: 'click', label: 'Click only' }] },
  theme: { legend: 'Theme', choices: [{ value: 'auto', label: 'Auto' }, { value: 'light', label: 'Light' }, { value: 'dark', label: 'Dark' }] },
};

/** Every option: categories, mark style and colours, card trigger, first mention, theme, sites that are off. */
export function OptionsPanel({ settings, onChange, onReset }: OptionsPanelProps) {
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => onChange({ ...settings, [key]: value });
  const setKind = (kind: ActorKind, on: boolean) => set('kinds', { ...settings.kinds, [kind]: on });
  const setColour = (kind: ActorKind, colour: string) => set('colours', { ...settings.colours, [kind]: colour });
  const radios = <K extends RadioSetting>(key: K) => (
    <Radios legend={RADIO_SETTINGS[key].legend} name={key} value={settings[key]} choices={RADIO_SETTINGS[key].choices} onChange={(v) => set(key, v)} />
  );
  return (
    <div class="fl-options">
      <fieldset class="fl-kinds">
        <legend>Mark these kinds</legend>
        {ACTOR_KINDS.map((kind) => (
          <div class="fl-kind-row" key={kind}>
            <label class="fl-kind-check">
              <input type="checkbox" checked={settings.kinds[kind]} onChange={(e) => setKind(kind, (e.currentTarget as HTMLInputElement).checked)} />
              {KIND_LABELS[kind].many}
            </label>
            <ColourSelect label={`Colour for ${KIND_LABELS[kind].many}`} value={settings.colours[kind]} onChange={(hex) => setColour(kind, hex)} />
          </div>
        ))}
      </fieldset>

      {radios('markStyle')}
      {radios('cardTrigger')}
      <label class="fl-field">
        <span>Hover delay (ms)</span>
        <input
          type="number"
          min={0}
          max={MAX_HOVER_DELAY_MS}
          step={50}
          value={settings.hoverDelayMs}
          disabled={settings.cardTrigger !== 'hover'}
          onChange={(e) => {
            const n = Math.round(Number((e.currentTarget as HTMLInputElement).value));
            if (Number.isFinite(n)) set('hoverDelayMs', Math.min(MAX_HOVER_DELAY_MS, Math.max(0, n)));
          }}
        />
      </label>
      <label class="fl-check">
        <input type="checkbox" checked={settings.firstMentionOnly} onChange={(e) => set('firstMentionOnly', (e.currentTarget as HTMLInputElement).checked)} />
        Mark only the first mention of each actor
      </label>
      {radios('theme')}
      <SitesEditor sites={settings.disabledSites} onChange={(sites) => set('disabledSites', sites)} />
      <button type="button" class="fl-reset" onClick={onReset} data-testid="reset-settings">
        Reset all settings
      </button>
    </div>
  );
}
