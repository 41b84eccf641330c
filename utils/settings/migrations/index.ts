// Upgrades whatever an earlier version stored to today's envelope, one numbered step at a time.
// Stored shapes: version 0 = a flat object of every setting (001-flat-to-changes.ts describes it);
// version 1 = `{ version: 1, changes }`; version 2 = the same with normalised site names (002-…).
// Never throws: what cannot be recognised is reported (`wasReset`) and left for the field-by-field read.
import { SETTINGS_VERSION } from '../schema';
import * as m001 from './001-flat-to-changes';
import * as m002 from './002-normalise-sites';
import { isRecord, type StoredSettings } from './stored';
import { readChanges, type LoadedSettings } from '../read';

export type { StoredSettings } from './stored';

/** Steps after version 0, in order; step i upgrades version i+1 to i+2. */
const STEPS: { from: number; to: number; migrate(stored: StoredSettings): StoredSettings }[] = [m002];

export const MIGRATIONS = [m001, ...STEPS].map(({ from, to }) => ({ from, to }));

export interface MigrationResult {
  stored: StoredSettings;
  /** The version found in storage (0 for the flat prototype shape, null when none could be told). */
  fromVersion: number | null;
  /** Something was not recognisable: a foreign shape, a future or broken version number. */
  wasReset: boolean;
}

/** Brings a stored value (not undefined) to SETTINGS_VERSION's envelope. */
export function migrateStored(raw: unknown): MigrationResult {
  const empty = { version: SETTINGS_VERSION, changes: {} };
  if (!isRecord(raw)) return { stored: empty, fromVersion: null, wasReset: true };
  if (!('version' in raw) && !('changes' in raw)) {
    return upgrade(m001.migrate(raw), 0);
  }
  const { version, changes } = raw;
  const knownVersion = typeof version === 'number' && Number.isInteger(version) && version >= 1;
  if (!isRecord(changes)) {
    // Half-written: an envelope without its changes.
    return { stored: empty, fromVersion: knownVersion ? version : null, wasReset: true };
  }
  if (!knownVersion || version > SETTINGS_VERSION) {
    // A future release (or a broken number): its fields are read one by one, what fits is kept.
    return { stored: { version: SETTINGS_VERSION, changes }, fromVersion: knownVersion ? version : null, wasReset: true };
  }
  return upgrade({ version, changes }, version);
}

function upgrade(start: StoredSettings, fromVersion: number): MigrationResult {
  let stored = start;
  try {
    for (const step of STEPS) {
      if (stored.version === step.from) stored = step.migrate(stored);
    }
  } catch {
    return { stored: { version: SETTINGS_VERSION, changes: {} }, fromVersion, wasReset: true };
  }
  const wasReset = stored.version !== SETTINGS_VERSION;
  return { stored: wasReset ? { version: SETTINGS_VERSION, changes: {} } : stored, fromVersion, wasReset };
}

/** Reads what storage holds under "settings" (any shape, any version): migrated, then read field by field. */
export function settingsFromStored(raw: unknown): LoadedSettings {
  if (raw === undefined || raw === null) return readChanges({});
  const migrated = migrateStored(raw);
  const read = readChanges(migrated.stored.changes);
  const result: LoadedSettings = { settings: read.settings, wasReset: migrated.wasReset || read.wasReset };
  if (migrated.fromVersion !== null && migrated.fromVersion < migrated.stored.version) result.migratedFrom = migrated.fromVersion;
  return result;
}
