// One schema for every setting, with its default. Storage keeps only what the user changed
// (see storage.ts); migrations/ upgrades what an earlier version stored.
// zod/mini: the settings are read by the content script on every page, where bytes count.
import * as z from 'zod/mini';
import { ACTOR_KINDS, type ActorKind } from '../factbase/types';
import { sameSite } from './sites';

/** The shape that storage.ts writes now. History of the stored shapes: migrations/index.ts. */
export const SETTINGS_VERSION = 2;

export const hexColour = z.string().check(z.regex(/^#[0-9a-f]{6}$/i));
const kindFlags = z.object(
  Object.fromEntries(ACTOR_KINDS.map((k) => [k, z.boolean()])) as Record<ActorKind, z.ZodMiniBoolean>,
);
const kindColours = z.object(
  Object.fromEntries(ACTOR_KINDS.map((k) => [k, hexColour])) as Record<ActorKind, typeof hexColour>,
);

export const MARK_STYLES = ['underline', 'tint', 'both'] as const;
export const UNDERLINE_STYLES = ['solid', 'dotted', 'wavy'] as const;
export const CARD_TRIGGERS = ['hover', 'click'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;
export const MAX_HOVER_DELAY_MS = 2000;

export const Settings = z.object({
  enabled: z.boolean(),
  /** Hostnames where Factlens is off (bare, lower case: see sites.ts). */
  disabledSites: z.array(z.string().check(z.minLength(1))),
  kinds: kindFlags,
  markStyle: z.enum(MARK_STYLES),
  underlineStyle: z.enum(UNDERLINE_STYLES),
  colours: kindColours,
  cardTrigger: z.enum(CARD_TRIGGERS),
  hoverDelayMs: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_HOVER_DELAY_MS)),
  firstMentionOnly: z.boolean(),
  theme: z.enum(THEMES),
  /** Ids of imported fact packs that are turned off. */
  disabledPacks: z.array(z.string()),
});
export type Settings = z.infer<typeof Settings>;
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(Settings.shape) as SettingKey[];

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

/** A fresh copy of the defaults (callers may mutate it). */
export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
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
