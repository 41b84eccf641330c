// Corrupt or foreign stored values: defaults field by field, never a throw, and `wasReset` says so.
import { describe, expect, it } from 'vitest';
import { settingsFromStored } from '../../utils/settings/migrations';
import { readSettings } from '../../utils/settings/read';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../utils/settings/schema';

const v = SETTINGS_VERSION;

describe('reading corrupt settings', () => {
  it('nothing stored → defaults, no notice', () => {
    expect(settingsFromStored(undefined)).toEqual({ settings: DEFAULT_SETTINGS, wasReset: false });
  });

  it.each([
    ['a string', 'garbage'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['true', true],
  ])('%s → defaults with the notice', (_, raw) => {
    expect(settingsFromStored(raw)).toEqual({ settings: DEFAULT_SETTINGS, wasReset: true });
  });

  it('a wrong type costs only that field', () => {
    const { settings, wasReset } = settingsFromStored({ version: v, changes: { enabled: 'no', theme: 'dark', hoverDelayMs: 99999 } });
    expect(wasReset).toBe(true);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('unknown keys are dropped, with the notice', () => {
    const { settings, wasReset } = settingsFromStored({ version: v, changes: { telemetry: true, __proto__x: 1, markStyle: 'tint' } });
    expect(wasReset).toBe(true);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, markStyle: 'tint' });
  });

  it('a prototype-polluting key changes nothing', () => {
    const raw = JSON.parse('{"version":2,"changes":{"__proto__":{"enabled":false},"constructor":1}}');
    const { settings, wasReset } = settingsFromStored(raw);
    expect(settings.enabled).toBe(true);
    expect(wasReset).toBe(true);
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
  });

  it('one bad colour or flag inside the per-kind objects costs only that kind', () => {
    const { settings, wasReset } = settingsFromStored({
      version: v,
      changes: { colours: { person: 'red', place: '#000000' }, kinds: { person: false, place: 'off' } },
    });
    expect(wasReset).toBe(true);
    expect(settings.colours).toEqual({ ...DEFAULT_SETTINGS.colours, place: '#000000' });
    expect(settings.kinds).toEqual({ ...DEFAULT_SETTINGS.kinds, person: false });
  });

  it('bad items in the site list are dropped, good ones kept', () => {
    const { settings, wasReset } = settingsFromStored({ version: v, changes: { disabledSites: ['a.com', 3, null, 'B.com'] } });
    expect(wasReset).toBe(true);
    expect(settings.disabledSites).toEqual(['a.com', 'b.com']);
  });

  it('a half-written envelope (no changes) → defaults with the notice', () => {
    expect(settingsFromStored({ version: v })).toEqual({ settings: DEFAULT_SETTINGS, wasReset: true });
    expect(settingsFromStored({ version: v, changes: 'x' })).toEqual({ settings: DEFAULT_SETTINGS, wasReset: true });
  });

  it('changes without a version are read field by field, with the notice', () => {
    const { settings, wasReset } = settingsFromStored({ changes: { theme: 'light' } });
    expect(wasReset).toBe(true);
    expect(settings.theme).toBe('light');
  });

  it('an unknown future version keeps what fits today’s schema and says so', () => {
    const { settings, wasReset } = settingsFromStored({
      version: v + 7,
      changes: { theme: 'dark', markStyle: 'glow', sparkle: true },
    });
    expect(wasReset).toBe(true);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it.each([0, -1, 1.5, 'two', null])('a broken version number (%j) is not trusted', (version) => {
    const { wasReset } = settingsFromStored({ version, changes: {} });
    expect(wasReset).toBe(true);
  });

  it('a version-0 record with a corrupt field keeps the rest', () => {
    const { settings, wasReset, migratedFrom } = settingsFromStored({ highlightStyle: 'both', hoverDelay: 'slow' });
    expect(wasReset).toBe(true);
    expect(migratedFrom).toBe(0);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, markStyle: 'both' });
  });
});

describe('reading without the migrations (content script, popup, pages)', () => {
  it('reads today’s record field by field, as the migrating read does', () => {
    const raw = { version: SETTINGS_VERSION, changes: { enabled: 'no', theme: 'dark', disabledSites: ['A.com', 3] } };
    expect(readSettings(raw)).toEqual(settingsFromStored(raw));
  });

  it('reads an earlier envelope as far as it fits, and a version-0 record as the defaults, without a notice', () => {
    expect(readSettings({ version: 1, changes: { disabledSites: ['https://News.Example.com/a'] } })).toEqual({
      settings: { ...DEFAULT_SETTINGS, disabledSites: ['news.example.com'] },
      wasReset: false,
    });
    expect(readSettings({ highlightStyle: 'background', enabled: false })).toEqual({ settings: DEFAULT_SETTINGS, wasReset: false });
  });

  it('gives the notice for what it cannot read', () => {
    expect(readSettings('x').wasReset).toBe(true);
    expect(readSettings({ version: SETTINGS_VERSION + 1, changes: {} }).wasReset).toBe(true);
    expect(readSettings({ version: SETTINGS_VERSION })).toEqual({ settings: DEFAULT_SETTINGS, wasReset: true });
  });
});
