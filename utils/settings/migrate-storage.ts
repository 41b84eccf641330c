// The background migrates a stored settings record of an earlier version ONCE, when it starts, and writes
// it back in today's shape; from then on every part reads it without the migration steps (read.ts).
// What cannot be told (a foreign shape, a future or broken version) is left as it is: the readers salvage
// it field by field and the popup says so.
import { SETTINGS_VERSION } from './schema';
import { migrateStored } from './migrations';
import { settingsItem } from './storage';

/** Upgrades the stored record when it is older than today's; returns the version it was upgraded from. */
export async function migrateStoredSettings(): Promise<number | null> {
  const raw = await settingsItem.getValue();
  if (raw === undefined || raw === null) return null;
  const { stored, fromVersion, wasReset } = migrateStored(raw);
  if (wasReset || fromVersion === null || fromVersion >= SETTINGS_VERSION) return null;
  await settingsItem.setValue(stored);
  return fromVersion;
}
