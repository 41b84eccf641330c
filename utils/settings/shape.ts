// The settings without zod: their type, defaults and a check of each field, for the content script, which
// runs in every frame with text (zod is about 6 KB gzip and builds its schemas when it loads). The zod
// schema (schema.ts) stays the definition for the extension's pages; tests/unit/settings-shape.test.ts holds
// these checks to it, value by value.
import { ACTOR_KINDS, type ActorKind } from '../factbase/types';
import { sameSite } from './sites';

/** The shape that storage.ts writes now. History of the stored shapes: migrations/index.ts. */
export const SETTINGS_VERSION = 2;

export const MARK_STYLES = ['underline', 'tint', 'both'] as const;
export const UNDERLINE_STYLES = ['solid', 'dotted', 'wavy'] as const;
export const CARD_TRIGGERS = ['hover', 'click'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;
export const MAX_HOVER_DELAY_MS = 2000;

export interface Settings {
  enabled: boolean;
  /** Hostnames where Factlens is off (bare, lower case: see sites.ts). */
  disabledSites: string[];
  kinds: Record<ActorKind, boolean>;
  markStyle: (typeof MARK_STYLES)[number];
  underlineStyle: (typeof UNDERLINE_STYLES)[number];
  colours: Record<ActorKind, string>;
  cardTrigger: (typeof CARD_TRIGGERS)[number];
  hoverDelayMs: number;
  firstMentionOnly: boolean;
  theme: (typeof THEMES)[number];
  /** Ids of imported fact packs that are turned off. */
  disabledPacks: string[];
}
export type SettingKey = keyof Settings;

// Colours: mid-saturation hues that read as marks on white and on near-black backgrounds alike.
export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  kinds: { person: true, place: true, state: true, organisation: true, event: true },
  markStyle: 'underline',
  underlineStyle: 'dotted',
  colours: {
    person: '#d9480f',
    place: '#2b8a3e',
    state: '#1c7ed6',
    organisation: '#a14bb8',
    event: '#d66e00',
  },
  cardTrigger: 'hover',
  hoverDelayMs: 300,
  firstMentionOnly: false,
  theme: 'auto',
  disabledPacks: [],
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

/** A fresh copy of the defaults (callers may mutate it). */
export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
type Check = (value: unknown) => boolean;
const isBoolean: Check = (v) => typeof v === 'boolean';
export const isHexColour: Check = (v) => typeof v === 'string' && HEX_COLOUR.test(v);
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);
const listOf =
  (item: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(item);
/** An object with every kind, each passing `entry` (other keys are ignored, as zod's object does). */
const perKind =
  (entry: Check): Check =>
  (v) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && ACTOR_KINDS.every((k) => entry((v as Record<string, unknown>)[k]));

/** What each setting's value must be (the zod schema's rules, written out). */
export const SETTING_CHECKS: Record<SettingKey, Check> = {
  enabled: isBoolean,
  disabledSites: listOf((s) => typeof s === 'string' && s.length >= 1),
  kinds: perKind(isBoolean),
  markStyle: oneOf(MARK_STYLES),
  underlineStyle: oneOf(UNDERLINE_STYLES),
  colours: perKind(isHexColour),
  cardTrigger: oneOf(CARD_TRIGGERS),
  hoverDelayMs: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_HOVER_DELAY_MS,
  firstMentionOnly: isBoolean,
  theme: oneOf(THEMES),
  disabledPacks: listOf((s) => typeof s === 'string'),
};

/** For the per-kind settings: what one kind's entry must be. */
export const PER_KIND_CHECKS: Partial<Record<SettingKey, Check>> = { kinds: isBoolean, colours: isHexColour };

/** Whether `value` is a whole, valid Settings object. */
export function isSettings(value: unknown): value is Settings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return SETTING_KEYS.every((key) => SETTING_CHECKS[key](record[key]));
}

/** Whether Factlens is off for this hostname in particular (whatever the main switch says). */
export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  return settings.disabledSites.some((site) => sameSite(site, hostname));
}

/** The settings with Factlens on or off for one site (`enabled` omitted: the other way round from now). */
export function withSiteEnabled(settings: Settings, hostname: string, enabled = isSiteDisabled(settings, hostname)): Settings {
  const others = settings.disabledSites.filter((site) => !sameSite(site, hostname));
  return { ...settings, disabledSites: enabled ? others : [...others, hostname.toLowerCase()] };
}

/** Whether Factlens should run on a page of this hostname. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !isSiteDisabled(settings, hostname);
}
