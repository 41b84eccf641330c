// Settings in extension storage. Only what the user changed from the defaults is stored, so a later
// release can improve a default. Whatever is found is parsed field by field: a corrupt or foreign value
// falls back to its default and never throws. (First cut: migrations and the reset notice follow.)
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, Settings, SETTINGS_VERSION } from './schema';

export const SETTINGS_KEY = 'settings';

export interface LoadedSettings {
  settings: Settings;
  /** True when something stored could not be read and was replaced by its default. */
  wasReset: boolean;
}

/** Reads stored changes over the defaults, field by field. Never throws. */
export function settingsFromStored(raw: unknown): LoadedSettings {
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  if (raw === undefined || raw === null) return { settings, wasReset: false };
  let wasReset = false;
  const changes =
    typeof raw === 'object' && raw !== null && 'changes' in raw ? (raw as { changes: unknown }).changes : undefined;
  if (typeof changes !== 'object' || changes === null) return { settings, wasReset: true };
  for (const [key, value] of Object.entries(changes)) {
    const field = Settings.shape[key as keyof Settings];
    if (!field) {
      wasReset = true;
      continue;
    }
    const parsed = field.safeParse(value);
    if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.data;
    else wasReset = true;
  }
  return { settings, wasReset };
}

export async function loadSettings(): Promise<LoadedSettings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return settingsFromStored(stored[SETTINGS_KEY]);
  } catch {
    return { settings: structuredClone(DEFAULT_SETTINGS), wasReset: true };
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

/** Stores the settings as their difference from the defaults. */
export async function saveSettings(settings: Settings): Promise<void> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (JSON.stringify(settings[key]) !== JSON.stringify(DEFAULT_SETTINGS[key])) changes[key] = settings[key];
  }
  await browser.storage.local.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, changes } });
}
