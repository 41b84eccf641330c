// Every migration on a stored example of each earlier version, and the whole chain replayed.
import { describe, expect, it } from 'vitest';
import * as m001 from '../../utils/settings/migrations/001-flat-to-changes';
import * as m002 from '../../utils/settings/migrations/002-normalise-sites';
import { MIGRATIONS, migrateStored } from '../../utils/settings/migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../utils/settings/schema';
import { settingsFromStored } from '../../utils/settings/migrations';

/** What the prototype (version 0) stored: every setting, flat, under its old names. */
const STORED_V0 = {
  enabled: true,
  highlightStyle: 'background',
  enabledCategories: ['people', 'states', 'events'],
  blockedSites: ['https://Twitter.com/home', 'example.com'],
  hoverDelay: 0.5,
  cardOnClick: true,
  colours: { people: '#112233' },
};

/** What version 1 stored: the changes, with sites as typed. */
const STORED_V1 = {
  version: 1,
  changes: {
    theme: 'dark',
    markStyle: 'both',
    disabledSites: ['News.Example.com', 'https://news.example.com/a', 'example.org:8443', '%%%'],
  },
};

describe('the numbered migrations', () => {
  it('run in an unbroken chain from version 0 to today', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual([...Array(SETTINGS_VERSION).keys()]);
    for (const m of MIGRATIONS) expect(m.to).toBe(m.from + 1);
  });

  it('001 turns the flat prototype object into version 1 under today’s names', () => {
    const v1 = m001.migrate(STORED_V0);
    expect(v1).toEqual({
      version: 1,
      changes: {
        enabled: true,
        markStyle: 'tint',
        kinds: { person: true, place: false, state: true, organisation: false, event: true },
        disabledSites: ['https://Twitter.com/home', 'example.com'],
        hoverDelayMs: 500,
        cardTrigger: 'click',
        colours: { person: '#112233' },
      },
    });
  });

  it('001 carries values of the wrong type as they are, for the field-by-field read to judge', () => {
    const v1 = m001.migrate({ highlightStyle: 7, enabledCategories: 'people', cardOnClick: 'maybe' });
    expect(v1.changes).toEqual({ markStyle: 7, kinds: 'people', cardTrigger: 'maybe' });
  });

  it('002 normalises the list of sites and drops what names no site', () => {
    const v2 = m002.migrate(STORED_V1);
    expect(v2.version).toBe(2);
    expect(v2.changes.disabledSites).toEqual(['news.example.com', 'example.org']);
    expect(v2.changes.theme).toBe('dark');
    expect(STORED_V1.changes.disabledSites).toHaveLength(4); // input untouched
  });

  it('replays every step on a version-0 record and gives today’s settings', () => {
    const { stored, fromVersion, wasReset } = migrateStored(structuredClone(STORED_V0));
    expect(fromVersion).toBe(0);
    expect(wasReset).toBe(false);
    expect(stored.version).toBe(SETTINGS_VERSION);
    const loaded = settingsFromStored(STORED_V0);
    expect(loaded.wasReset).toBe(false);
    expect(loaded.migratedFrom).toBe(0);
    expect(loaded.settings).toEqual({
      ...DEFAULT_SETTINGS,
      markStyle: 'tint',
      kinds: { person: true, place: false, state: true, organisation: false, event: true },
      disabledSites: ['twitter.com', 'example.com'],
      hoverDelayMs: 500,
      cardTrigger: 'click',
      colours: { ...DEFAULT_SETTINGS.colours, person: '#112233' },
    });
  });

  it('upgrades a version-1 record on load', () => {
    const loaded = settingsFromStored(STORED_V1);
    expect(loaded).toEqual({
      settings: { ...DEFAULT_SETTINGS, theme: 'dark', markStyle: 'both', disabledSites: ['news.example.com', 'example.org'] },
      wasReset: false,
      migratedFrom: 1,
    });
  });

  it('leaves a current record as it is', () => {
    const current = { version: SETTINGS_VERSION, changes: { firstMentionOnly: true } };
    expect(settingsFromStored(current)).toEqual({ settings: { ...DEFAULT_SETTINGS, firstMentionOnly: true }, wasReset: false });
  });
});
