// One schema for every setting; the type, the defaults and the helpers live in shape.ts (zod-free, for the
// content script) and are re-exported here. Storage keeps only what the user changed (see storage.ts);
// migrations/ upgrades what an earlier version stored.
import * as z from 'zod/mini';
import { ACTOR_KINDS, type ActorKind } from '../factbase/types';
import {
  CARD_TRIGGERS,
  MARK_STYLES,
  MAX_HOVER_DELAY_MS,
  THEMES,
  UNDERLINE_STYLES,
  type Settings as SettingsShape,
} from './shape';

export {
  CARD_TRIGGERS,
  DEFAULT_SETTINGS,
  defaultSettings,
  isActiveOn,
  isSiteDisabled,
  MARK_STYLES,
  MAX_HOVER_DELAY_MS,
  SETTING_KEYS,
  SETTINGS_VERSION,
  THEMES,
  UNDERLINE_STYLES,
  withSiteEnabled,
  type SettingKey,
} from './shape';

export const hexColour = z.string().check(z.regex(/^#[0-9a-f]{6}$/i));
const kindFlags = z.object(
  Object.fromEntries(ACTOR_KINDS.map((k) => [k, z.boolean()])) as Record<ActorKind, z.ZodMiniBoolean>,
);
const kindColours = z.object(
  Object.fromEntries(ACTOR_KINDS.map((k) => [k, hexColour])) as Record<ActorKind, typeof hexColour>,
);

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
export type Settings = SettingsShape;

// The schema and shape.ts's type are the same, both ways (a change to one without the other fails tsc).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof Settings>, SettingsShape> = true;
void sameShape;
