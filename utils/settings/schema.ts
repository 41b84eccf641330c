// One schema for every setting, with its default. Storage keeps only what the user changed
// (see storage.ts); migrations/ upgrades what an earlier version stored.
import { z } from 'zod';
import { ACTOR_KINDS, type ActorKind } from '../factbase/types';

export const SETTINGS_VERSION = 1;

const hexColour = z.string().regex(/^#[0-9a-f]{6}$/i);
const kindFlags = z.object(
  Object.fromEntries(ACTOR_KINDS.map((k) => [k, z.boolean()])) as Record<ActorKind, z.ZodBoolean>,
);
const kindColours = z.object(
  Object.fromEntries(ACTOR_KINDS.map((k) => [k, hexColour])) as Record<ActorKind, typeof hexColour>,
);

export const Settings = z.object({
  enabled: z.boolean(),
  /** Hostnames where Factlens is off. */
  disabledSites: z.array(z.string().min(1)),
  kinds: kindFlags,
  markStyle: z.enum(['underline', 'tint', 'both']),
  underlineStyle: z.enum(['solid', 'dotted', 'wavy']),
  colours: kindColours,
  cardTrigger: z.enum(['hover', 'click']),
  hoverDelayMs: z.number().int().min(0).max(2000),
  firstMentionOnly: z.boolean(),
  theme: z.enum(['auto', 'light', 'dark']),
  /** Ids of imported fact packs that are turned off. */
  disabledPacks: z.array(z.string()),
});
export type Settings = z.infer<typeof Settings>;

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
    organisation: '#9c36b5',
    event: '#e67700',
  },
  cardTrigger: 'hover',
  hoverDelayMs: 300,
  firstMentionOnly: false,
  theme: 'auto',
  disabledPacks: [],
};

/** Whether Factlens should run on a page of this hostname. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname);
}
