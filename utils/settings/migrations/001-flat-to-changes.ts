// Version 0 → 1.
//
// Version 0 (the prototype, before releases) stored EVERY setting as one flat object under "settings",
// with no version number and its own names:
//   { enabled: boolean,
//     highlightStyle: 'underline' | 'background' | 'both',
//     enabledCategories: Array<'people' | 'places' | 'states' | 'organisations' | 'events'>,
//     blockedSites: string[],          // as typed
//     hoverDelay: number,              // SECONDS
//     cardOnClick: boolean,            // true → the card opens on click only
//     colours?: { people?: string, places?: string, … } }
// Version 1 stores `{ version: 1, changes }`, the settings under today's names (only what differs from the
// defaults, though a migrated record may also carry values equal to them; the next save trims them).
// Values of the wrong type are carried over as they are: reading them later falls back field by field.
import { isRecord, type StoredSettings } from './stored';

const CATEGORY_TO_KIND: Record<string, string> = {
  people: 'person',
  places: 'place',
  states: 'state',
  organisations: 'organisation',
  events: 'event',
};
const KINDS = Object.values(CATEGORY_TO_KIND);

export const from = 0;
export const to = 1;

export function migrate(v0: Record<string, unknown>): StoredSettings {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v0)) {
    switch (key) {
      case 'highlightStyle':
        changes.markStyle = value === 'background' ? 'tint' : value;
        break;
      case 'enabledCategories':
        changes.kinds = Array.isArray(value)
          ? Object.fromEntries(KINDS.map((kind) => [kind, value.some((c) => CATEGORY_TO_KIND[String(c)] === kind)]))
          : value;
        break;
      case 'blockedSites':
        changes.disabledSites = value;
        break;
      case 'hoverDelay':
        changes.hoverDelayMs = typeof value === 'number' ? Math.round(value * 1000) : value;
        break;
      case 'cardOnClick':
        changes.cardTrigger = value === true ? 'click' : value === false ? 'hover' : value;
        break;
      case 'colours':
        changes.colours = isRecord(value)
          ? Object.fromEntries(Object.entries(value).map(([c, colour]) => [CATEGORY_TO_KIND[c] ?? c, colour]))
          : value;
        break;
      default:
        changes[key] = value; // `enabled` kept its name; anything foreign is judged when read
    }
  }
  return { version: 1, changes };
}
