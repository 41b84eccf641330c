import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, defaultSettings, isActiveOn, isSiteDisabled, Settings, withSiteEnabled, SETTING_KEYS } from '../../utils/settings/schema';
import { normaliseSite } from '../../utils/settings/sites';
import { changesFrom } from '../../utils/settings/read';

describe('the settings schema', () => {
  it('accepts its own defaults', () => {
    expect(Settings.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });

  it('refuses a wrong type, an unknown style and a colour that is not #rrggbb', () => {
    expect(Settings.safeParse({ ...DEFAULT_SETTINGS, enabled: 'yes' }).success).toBe(false);
    expect(Settings.safeParse({ ...DEFAULT_SETTINGS, markStyle: 'blink' }).success).toBe(false);
    expect(Settings.safeParse({ ...DEFAULT_SETTINGS, colours: { ...DEFAULT_SETTINGS.colours, person: 'red' } }).success).toBe(false);
    expect(Settings.safeParse({ ...DEFAULT_SETTINGS, hoverDelayMs: -1 }).success).toBe(false);
  });

  it('gives a fresh copy of the defaults each time', () => {
    const a = defaultSettings();
    a.kinds.person = false;
    expect(DEFAULT_SETTINGS.kinds.person).toBe(true);
    expect(SETTING_KEYS).toContain('disabledPacks');
  });

  it('is active unless off globally or for the site (case and trailing dot do not matter)', () => {
    const s = defaultSettings();
    expect(isActiveOn(s, 'example.com')).toBe(true);
    s.disabledSites = ['example.com'];
    expect(isActiveOn(s, 'Example.COM.')).toBe(false);
    expect(isSiteDisabled(s, 'www.example.com')).toBe(false);
    expect(isActiveOn(s, 'other.org')).toBe(true);
    s.enabled = false;
    expect(isActiveOn(s, 'other.org')).toBe(false);
  });

  it('keeps only what differs from the defaults', () => {
    const s = defaultSettings();
    expect(changesFrom(s)).toEqual({});
    s.theme = 'dark';
    s.colours.place = '#000000';
    expect(changesFrom(s)).toEqual({ theme: 'dark', colours: { ...DEFAULT_SETTINGS.colours, place: '#000000' } });
  });
});

describe('site names', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  WWW.Example.com. ', 'www.example.com'],
    ['https://news.example.org/world?x=1', 'news.example.org'],
    ['example.com:8080', 'example.com'],
    ['127.0.0.1', '127.0.0.1'],
    ['bücher.de', 'xn--bcher-kva.de'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseSite(input)).toBe(expected);
  });

  it.each(['', '   ', 'http://', 'not a host', 'a..b', '-bad-.com'])('refuses %j', (input) => {
    expect(normaliseSite(input)).toBeNull();
  });
});

describe('turning a site on or off (popup switch and keyboard command alike)', () => {
  it('adds the bare lower-case hostname once, removes it whatever its case, and toggles when no state is given', () => {
    const s = { ...defaultSettings(), disabledSites: ['other.org'] };
    const off = withSiteEnabled(s, 'News.Example.com', false);
    expect(off.disabledSites).toEqual(['other.org', 'news.example.com']);
    expect(withSiteEnabled(off, 'news.example.com', false).disabledSites).toEqual(['other.org', 'news.example.com']);
    expect(withSiteEnabled(off, 'NEWS.example.com.', true).disabledSites).toEqual(['other.org']);
    expect(withSiteEnabled(s, 'news.example.com').disabledSites).toEqual(['other.org', 'news.example.com']);
    expect(withSiteEnabled(off, 'news.example.com').disabledSites).toEqual(['other.org']);
    expect(s.disabledSites).toEqual(['other.org']);
  });
});
