// Settings through the extension storage API (WXT's fake browser stands in for it).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { loadSettings, saveSettings, updateSettings, resetSettings, watchSettings, SETTINGS_KEY } = await import(
  '../../utils/settings/storage'
);
const { DEFAULT_SETTINGS, SETTINGS_VERSION } = await import('../../utils/settings/schema');

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

  it('migrates a version-0 record on load', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { highlightStyle: 'background', enabled: false } });
    const loaded = await loadSettings();
    expect(loaded.settings.markStyle).toBe('tint');
    expect(loaded.settings.enabled).toBe(false);
    expect(loaded.migratedFrom).toBe(0);
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
