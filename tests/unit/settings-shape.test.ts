// The content script's zod-free settings checks (utils/settings/shape.ts) held to the zod schema
// (utils/settings/schema.ts), value by value: every field, valid and invalid values, whole objects.
import { describe, expect, it } from 'vitest';
import { hexColour, Settings } from '../../utils/settings/schema';
import { DEFAULT_SETTINGS, isSettings, PER_KIND_CHECKS, SETTING_CHECKS, SETTING_KEYS, type SettingKey } from '../../utils/settings/shape';

const ANY: unknown[] = [
  undefined, null, true, false, 0, 1, -1, 0.5, 300, 2000, 2001, NaN, Infinity, '', 'x', '#d9480f', '#D9480F', '#d9480', '#zzzzzz',
  'underline', 'tint', 'both', 'solid', 'dotted', 'wavy', 'hover', 'click', 'auto', 'light', 'dark', 'Hover',
  [], [''], ['a'], ['a', 'b'], [1], ['a', null], {}, { person: true }, [true],
  { ...DEFAULT_SETTINGS.kinds }, { ...DEFAULT_SETTINGS.kinds, person: 'yes' }, { ...DEFAULT_SETTINGS.kinds, extra: 1 },
  { ...DEFAULT_SETTINGS.colours }, { ...DEFAULT_SETTINGS.colours, place: 'green' }, { ...DEFAULT_SETTINGS.colours, extra: '#000000' },
];

describe('the settings checks without zod', () => {
  it('cover exactly the schema’s fields', () => {
    expect([...SETTING_KEYS].sort()).toEqual(Object.keys(Settings.shape).sort());
  });

  for (const key of Object.keys(Settings.shape) as SettingKey[]) {
    it(`agree with the schema on ${key}`, () => {
      const field = Settings.shape[key];
      const values = [...ANY, DEFAULT_SETTINGS[key]];
      const disagree = values.filter((v) => SETTING_CHECKS[key](v) !== field.safeParse(v).success);
      expect(disagree).toEqual([]);
      expect(values.some((v) => SETTING_CHECKS[key](v))).toBe(true); // something passes, something fails
      expect(values.some((v) => !SETTING_CHECKS[key](v))).toBe(true);
    });
  }

  it('agree on one kind’s entry of kinds and colours', () => {
    for (const v of ANY) {
      expect(PER_KIND_CHECKS.kinds!(v)).toBe(Settings.shape.kinds.shape.person.safeParse(v).success);
      expect(PER_KIND_CHECKS.colours!(v)).toBe(hexColour.safeParse(v).success);
    }
  });

  it('agree on whole settings objects', () => {
    const wholes: unknown[] = [
      DEFAULT_SETTINGS,
      { ...DEFAULT_SETTINGS, extra: 1 },
      { ...DEFAULT_SETTINGS, hoverDelayMs: -1 },
      { ...DEFAULT_SETTINGS, theme: 'sepia' },
      { ...DEFAULT_SETTINGS, kinds: { person: true } },
      Object.fromEntries(Object.entries(DEFAULT_SETTINGS).filter(([k]) => k !== 'theme')),
      null, [], 'settings', {},
    ];
    for (const v of wholes) expect(isSettings(v)).toBe(Settings.safeParse(v).success);
  });
});
