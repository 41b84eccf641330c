// Reading stored changes over the defaults, field by field (and key by key inside the per-kind objects,
// item by item inside lists): one bad value costs only itself. Pure: no storage API and no migration here
// (this reaches the content script; the migrations run in the background only). No zod either: the
// field checks of shape.ts, held to the zod schema by tests/unit/settings-shape.test.ts.
import { ACTOR_KINDS } from '../factbase/types';
import { defaultSettings, PER_KIND_CHECKS, SETTING_CHECKS, SETTINGS_VERSION, type Settings, type SettingKey } from './shape';
import { normaliseSite } from './sites';
import { isRecord } from '../is-record';

export interface LoadedSettings {
  settings: Settings;
  /** True when something stored could not be read and was replaced by its default. */
  wasReset: boolean;
  /** The version found in storage when it was older than today's (it was migrated on load). */
  migratedFrom?: number;
}

/**
 * Reads what storage holds under "settings" in today's shape, `{ version, changes }`, WITHOUT migrating:
 * the background migrates older records once and writes them back (migrate-storage.ts), so pages and the
 * content script never ship the steps. Never throws. Until the background has done so, a record of an
 * earlier version is read as far as its fields fit today's (a version-0 record, with other names, as the
 * defaults), and the watchers hear the migrated one a moment later.
 */
export function readSettings(raw: unknown): LoadedSettings {
  if (raw === undefined || raw === null) return { settings: defaultSettings(), wasReset: false };
  if (!isRecord(raw)) return { settings: defaultSettings(), wasReset: true };
  if (!('version' in raw) && !('changes' in raw)) return { settings: defaultSettings(), wasReset: false };
  const { version, changes } = raw;
  if (!isRecord(changes)) return { settings: defaultSettings(), wasReset: true };
  const known = typeof version === 'number' && Number.isInteger(version) && version >= 1 && version <= SETTINGS_VERSION;
  const read = readChanges(changes);
  return { settings: read.settings, wasReset: read.wasReset || !known };
}

/** Today's settings from stored changes over the defaults, field by field. Pure; never throws. */
export function readChanges(changes: Record<string, unknown>): LoadedSettings {
  const settings = defaultSettings();
  let wasReset = false;
  const target = settings as Record<SettingKey, unknown>;
  for (const [name, value] of Object.entries(changes)) {
    const key = name as SettingKey;
    const check = Object.hasOwn(SETTING_CHECKS, key) ? SETTING_CHECKS[key] : undefined;
    if (!check) {
      wasReset = true; // a foreign key: dropped
      continue;
    }
    const perKind = PER_KIND_CHECKS[key];
    if (perKind && isRecord(value)) {
      // A per-kind object may name only some kinds (the rest keep their defaults); bad entries cost themselves.
      const merged = { ...(target[key] as Record<string, unknown>) };
      for (const [kind, one] of Object.entries(value)) {
        if ((ACTOR_KINDS as readonly string[]).includes(kind) && perKind(one)) merged[kind] = one;
        else wasReset = true;
      }
      target[key] = merged;
      continue;
    }
    if (check(value)) {
      // A copy of what passed (zod's parse gave one too): the stored record is never shared.
      target[key] = key === 'disabledSites' ? cleanSites(value as string[]) : structuredCopy(value, key);
      continue;
    }
    wasReset = true;
    if ((key === 'disabledSites' || key === 'disabledPacks') && Array.isArray(value)) {
      const strings = value.filter((v): v is string => typeof v === 'string' && v.length > 0);
      target[key] = key === 'disabledSites' ? cleanSites(strings) : [...new Set(strings)];
    }
  }
  return { settings, wasReset };
}

/** A checked value as zod's parse would give it: a fresh object with only the known kinds, a fresh list. */
function structuredCopy(value: unknown, key: SettingKey): unknown {
  if (key === 'kinds' || key === 'colours') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(ACTOR_KINDS.map((k) => [k, record[k]]));
  }
  return Array.isArray(value) ? [...value] : value;
}

function cleanSites(sites: string[]): string[] {
  return [...new Set(sites.map(normaliseSite).filter((s): s is string => s !== null))];
}

/** The settings as their difference from the defaults: what storage keeps. */
export function changesFrom(settings: Settings): Partial<Settings> {
  const defaults = defaultSettings();
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(defaults) as SettingKey[]) {
    if (JSON.stringify(settings[key]) !== JSON.stringify(defaults[key])) changes[key] = settings[key];
  }
  return changes as Partial<Settings>;
}
