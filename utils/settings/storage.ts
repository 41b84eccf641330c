// Settings in extension storage (storage.local, key "settings"), as a @wxt-dev/storage item: `{ version,
// changes }`, where changes holds only what the user changed from the defaults, so a later release can
// improve a default. The version lives in the value itself (not in the item's `settings$` meta key): what
// earlier releases stored keeps being read, and one read tells both. The background migrates an older record
// once and writes it back (migrate-storage.ts); every other part reads the current shape field by field
// (read.ts): a corrupt or foreign value falls back to its default and never throws; `wasReset` tells the
// popup to say so. Reading and watching are in watch.ts (the browser's storage API alone, for the content
// app), re-exported here.
import { storage } from 'wxt/utils/storage';
import { isSettings, SETTINGS_VERSION, type Settings } from './shape';
import { changesFrom } from './read';
import { loadSettings } from './watch';
import { SETTINGS_KEY } from '../storage-keys';

export { changesFrom, type LoadedSettings } from './read';
export { loadSettings, quietStop, watchSettings } from './watch';
export { SETTINGS_KEY };

/** The raw stored record (any shape: it is read field by field, never trusted). */
export const settingsItem = storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, { fallback: null });

/** Stores the settings as their difference from the defaults (nothing at all when there is none). */
export async function saveSettings(settings: Settings): Promise<void> {
  // A programming error here must not reach storage (shape.ts's checks: no zod in the content script).
  if (!isSettings(settings)) throw new TypeError('Factlens: refusing to store settings that are not valid');
  const changes = changesFrom(settings);
  if (Object.keys(changes).length === 0) {
    await settingsItem.removeValue();
    return;
  }
  await settingsItem.setValue({ version: SETTINGS_VERSION, changes });
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
  await settingsItem.removeValue();
}
