// Reading stored changes over the defaults, field by field (and key by key inside the per-kind objects,
// item by item inside lists): one bad value costs only itself. Pure: no storage API here.
import { ACTOR_KINDS } from '../factbase/types';
import { defaultSettings, hexColour, Settings, type SettingKey } from './schema';
import { migrateStored } from './migrations';
import { isRecord } from './migrations/stored';
import { normaliseSite } from './sites';
import * as z from 'zod/mini';

export interface LoadedSettings {
  settings: Settings;
  /** True when something stored could not be read and was replaced by its default. */
  wasReset: boolean;
  /** The version found in storage when it was older than today's (it was migrated on load). */
  migratedFrom?: number;
}

const PER_KIND: Partial<Record<SettingKey, z.ZodMiniType>> = { kinds: z.boolean(), colours: hexColour };

/** Reads what storage holds under "settings" (any shape, any version). Never throws. */
export function settingsFromStored(raw: unknown): LoadedSettings {
  const settings = defaultSettings();
  if (raw === undefined || raw === null) return { settings, wasReset: false };
  const migrated = migrateStored(raw);
  let wasReset = migrated.wasReset;
  const target = settings as Record<SettingKey, unknown>;
  for (const [name, value] of Object.entries(migrated.stored.changes)) {
    const key = name as SettingKey;
    const field = Object.hasOwn(Settings.shape, key) ? Settings.shape[key] : undefined;
    if (!field) {
      wasReset = true; // a foreign key: dropped
      continue;
    }
    const perKind = PER_KIND[key];
    if (perKind && isRecord(value)) {
      // A per-kind object may name only some kinds (the rest keep their defaults); bad entries cost themselves.
      const merged = { ...(target[key] as Record<string, unknown>) };
      for (const [kind, one] of Object.entries(value)) {
        const parsed = (ACTOR_KINDS as readonly string[]).includes(kind) ? perKind.safeParse(one) : undefined;
        if (parsed?.success) merged[kind] = parsed.data;
        else wasReset = true;
      }
      target[key] = merged;
      continue;
    }
    const whole = field.safeParse(value);
    if (whole.success) {
      target[key] = key === 'disabledSites' ? cleanSites(whole.data as string[]) : whole.data;
      continue;
    }
    wasReset = true;
    if ((key === 'disabledSites' || key === 'disabledPacks') && Array.isArray(value)) {
      const strings = value.filter((v): v is string => typeof v === 'string' && v.length > 0);
      target[key] = key === 'disabledSites' ? cleanSites(strings) : [...new Set(strings)];
    }
  }
  const result: LoadedSettings = { settings, wasReset };
  if (migrated.fromVersion !== null && migrated.fromVersion < migrated.stored.version) {
    result.migratedFrom = migrated.fromVersion;
  }
  return result;
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
