// Settings through the extension storage API (WXT's fake browser stands in for it).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { loadSettings, saveSettings, updateSettings, resetSettings, watchSettings, SETTINGS_KEY } = await import(
  '../../utils/settings/storage'
);
const { DEFAULT_SETTINGS, SETTINGS_VERSION } = await import('../../utils/settings/schema');
const { migrateStoredSettings } = await import('../../utils/settings/migrate-storage');

describe('settings in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores only what changed, under "settings", with the version', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, theme: 'dark' });
    const raw = await fakeBrowser.storage.local.get(SETTINGS_KEY);
    expect(raw[SETTINGS_KEY]).toEqual({ version: SETTINGS_VERSION, changes: { theme: 'dark' } });
    expect((await loadSettings()).settings.theme).toBe('dark');
  });

  it('stores nothing when everything is at its default', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, theme: 'dark' });
    await saveSettings(structuredClone(DEFAULT_SETTINGS));
    expect(await fakeBrowser.storage.local.get(SETTINGS_KEY)).toEqual({});
  });

  it('refuses to store settings that break the schema', async () => {
    await expect(saveSettings({ ...DEFAULT_SETTINGS, theme: 'neon' as 'dark' })).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get(SETTINGS_KEY)).toEqual({});
  });

  it('recovers from a corrupt record with the notice, and a save clears it', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, changes: { enabled: 7, theme: 'light' } } });
    const loaded = await loadSettings();
    expect(loaded.wasReset).toBe(true);
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    await saveSettings(loaded.settings);
    expect(await loadSettings()).toEqual({ settings: { ...DEFAULT_SETTINGS, theme: 'light' }, wasReset: false });
  });

  it('replays each stored version: the background migrates it once, writes it back, and every reader gets the same', async () => {
    const dir = path.resolve(import.meta.dirname, '../fixtures/settings');
    const files = readdirSync(dir).filter((f) => /^v\d+\.json$/.test(f)).sort();
    expect(files).toEqual([...Array(SETTINGS_VERSION + 1).keys()].map((v) => `v${v}.json`));
    const expected = {
      ...DEFAULT_SETTINGS,
      enabled: false,
      markStyle: 'tint',
      kinds: { ...DEFAULT_SETTINGS.kinds, organisation: false },
      disabledSites: ['news.example.com', 'example.org'],
      hoverDelayMs: 500,
      cardTrigger: 'click',
      colours: { ...DEFAULT_SETTINGS.colours, person: '#2b8a3e' },
    };
    for (const file of files) {
      fakeBrowser.reset();
      const version = Number(file.slice(1, -5));
      await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) });
      expect(await migrateStoredSettings(), file).toBe(version < SETTINGS_VERSION ? version : null);
      const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as { version: number };
      expect(stored.version, file).toBe(SETTINGS_VERSION);
      expect(await loadSettings(), file).toEqual({ settings: expected, wasReset: false });
      expect(await migrateStoredSettings(), `${file}, a second time`).toBeNull();
    }
  });

  it('leaves a record it cannot tell as it is, for the field-by-field read and the notice', async () => {
    const future = { version: SETTINGS_VERSION + 1, changes: { theme: 'dark', sparkles: true } };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: future });
    expect(await migrateStoredSettings()).toBeNull();
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(future);
    expect(await loadSettings()).toEqual({ settings: { ...DEFAULT_SETTINGS, theme: 'dark' }, wasReset: true });
  });

  it('updates, resets and tells watchers', async () => {
    const seen: boolean[] = [];
    const stop = watchSettings(({ settings }) => seen.push(settings.enabled));
    await updateSettings((s) => ({ ...s, enabled: false }));
    await resetSettings();
    stop();
    await updateSettings((s) => ({ ...s, enabled: false }));
    expect(seen).toEqual([false, true]);
  });
});
