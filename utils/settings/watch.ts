// Reading and watching the stored settings with the extension's storage API alone: what the content app
// needs of settings storage, without @wxt-dev/storage (7.4 KB of the app module that every page with text
// fetches and compiles before its first marks). Writing stays in storage.ts, for the pages that write.
import { browser } from 'wxt/browser';
import { readSettings, type LoadedSettings } from './read';
import { defaultSettings } from './shape';
import { SETTINGS_KEY } from '../storage-keys';

export async function loadSettings(): Promise<LoadedSettings> {
  try {
    return readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  } catch {
    return { settings: defaultSettings(), wasReset: true };
  }
}

type StorageChanges = Record<string, { newValue?: unknown; oldValue?: unknown }>;

/**
 * The new settings in a storage.onChanged event, read once (field by field), or undefined when the event
 * holds none: another area, another key, or the same record written again.
 */
export function settingsChange(changes: StorageChanges, area: string): LoadedSettings | undefined {
  const change = area === 'local' ? changes[SETTINGS_KEY] : undefined;
  if (change === undefined || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return undefined;
  return readSettings(change.newValue);
}

/** Calls back with the new settings whenever they change in storage (any tab, the popup). */
export function watchSettings(onChange: (loaded: LoadedSettings) => void): () => void {
  const listener = (changes: StorageChanges, area: string) => {
    const loaded = settingsChange(changes, area);
    if (loaded) onChange(loaded);
  };
  browser.storage.onChanged.addListener(listener);
  return quietStop(() => browser.storage.onChanged.removeListener(listener));
}

/**
 * An unwatch that never throws: once the extension is reloaded or disabled, an orphaned content script's
 * storage listener is gone with its context, and removing it throws "Extension context invalidated".
 */
export function quietStop(stop: () => void): () => void {
  return () => {
    try {
      stop();
    } catch {
      /* the context is gone, and the listener with it */
    }
  };
}
