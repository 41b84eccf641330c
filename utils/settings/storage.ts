// Settings in extension storage (storage.local, key "settings"): `{ version, changes }`, where changes
// holds only what the user changed from the defaults, so a later release can improve a default.
// Whatever is found is migrated (migrations/) and read field by field (read.ts): a corrupt or foreign
// value falls back to its default and never throws; `wasReset` tells the popup to say so.
import { browser } from 'wxt/browser';
import { defaultSettings, Settings, SETTINGS_VERSION } from './schema';
import { changesFrom, settingsFromStored, type LoadedSettings } from './read';

export { settingsFromStored, changesFrom, type LoadedSettings } from './read';

export const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<LoadedSettings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return settingsFromStored(stored[SETTINGS_KEY]);
  } catch {
    return { settings: defaultSettings(), wasReset: true };
  }
}

/** Calls back with the new settings whenever they change in storage (any tab, the popup). */
export function watchSettings(onChange: (loaded: LoadedSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) onChange(settingsFromStored(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Stores the settings as their difference from the defaults (nothing at all when there is none). */
export async function saveSettings(settings: Settings): Promise<void> {
  const valid = Settings.parse(settings); // a programming error here must not reach storage
  const changes = changesFrom(valid);
  if (Object.keys(changes).length === 0) {
    await browser.storage.local.remove(SETTINGS_KEY);
    return;
  }
  await browser.storage.local.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, changes } });
}

/** Reads, changes and stores in one go; returns what was stored. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const { settings } = await loadSettings();
  const next = change(settings);
  await saveSettings(next);
  return next;
}

/** Back to every default: nothing stored. */
export async function resetSettings(): Promise<void> {
  await browser.storage.local.remove(SETTINGS_KEY);
}
