// The background's badge, messages and commands, with WXT's fake browser.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { badgeText, readTabRecord } = await import('../../utils/background/badge');
const { handleBackgroundMessage } = await import('../../utils/background/message-router');
const { handleCommand } = await import('../../utils/background/commands');
const { loadSettings, saveSettings } = await import('../../utils/settings/storage');
const { defaultSettings } = await import('../../utils/settings/schema');

const fromTab = (tabId: number, url = 'https://news.example.com/a', frameId = 0) => ({
  id: fakeBrowser.runtime.id,
  url,
  frameId,
  tab: { id: tabId },
});

describe('the badge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it('shows the count only where Factlens is active and found someone', () => {
    const s = defaultSettings();
    expect(badgeText({ hostname: 'a.com', count: 3 }, s)).toBe('3');
    expect(badgeText({ hostname: 'a.com', count: 0 }, s)).toBe('');
    expect(badgeText(undefined, s)).toBe('');
    expect(badgeText({ hostname: 'a.com', count: 3 }, { ...s, disabledSites: ['a.com'] })).toBe('');
    expect(badgeText({ hostname: 'a.com', count: 3 }, { ...s, enabled: false })).toBe('');
    expect(badgeText({ hostname: 'a.com', count: 1234 }, s)).toBe('999+');
  });

  it('records a valid report per tab (in session storage, not memory)', async () => {
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined as never);
    expect(await handleBackgroundMessage({ type: 'page-actors-changed', distinctActors: 4 }, fromTab(7))).toEqual({ ok: true });
    expect(await readTabRecord(7)).toEqual({ hostname: 'news.example.com', count: 4 });
    expect(setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '4' });
  });

  it.each([
    [{ type: 'page-actors-changed', distinctActors: -1 }, fromTab(1), /distinctActors/],
    [{ type: 'no-such-thing' }, fromTab(1), /type/],
    ['hello', fromTab(1), /.+/],
    [{ type: 'page-actors-changed', distinctActors: 1 }, { ...fromTab(1), frameId: 3 }, /top frame/],
    [{ type: 'page-actors-changed', distinctActors: 1 }, { id: fakeBrowser.runtime.id }, /from a tab/],
    [{ type: 'page-actors-changed', distinctActors: 1 }, { ...fromTab(1), id: 'other-extension' }, /another extension/],
  ])('refuses %j with a logged reason', async (raw, sender, reason) => {
    const answer = await handleBackgroundMessage(raw, sender);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.reason).toMatch(reason);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('refused'));
    expect(await readTabRecord(1)).toBeUndefined();
  });
});

describe('the commands', () => {
  beforeEach(() => fakeBrowser.reset());

  it('toggle-site turns the site off, then on again', async () => {
    await handleCommand('toggle-site', { id: 3, url: 'https://News.Example.com/x' });
    expect((await loadSettings()).settings.disabledSites).toEqual(['news.example.com']);
    await handleCommand('toggle-site', { id: 3, url: 'https://news.example.com/y' });
    expect((await loadSettings()).settings.disabledSites).toEqual([]);
  });

  it('toggle-site does nothing on a page without a site', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    await saveSettings({ ...defaultSettings(), theme: 'dark' });
    await handleCommand('toggle-site', { id: 3, url: 'chrome://settings' });
    expect((await loadSettings()).settings.disabledSites).toEqual([]);
  });

  it('next / previous message the tab’s top frame', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined as never);
    await handleCommand('next-mention', { id: 5 });
    await handleCommand('previous-mention', { id: 5 });
    expect(send.mock.calls).toEqual([
      [5, { type: 'step-mention', direction: 'next' }, { frameId: 0 }],
      [5, { type: 'step-mention', direction: 'previous' }, { frameId: 0 }],
    ]);
  });
});
