// The content app's settings reader and watcher (utils/settings/watch.ts): the browser's storage API alone.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import path from 'node:path';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { loadSettings, watchSettings } = await import('../../utils/settings/watch');
const { saveSettings, SETTINGS_KEY } = await import('../../utils/settings/storage');
const { DEFAULT_SETTINGS } = await import('../../utils/settings/schema');

describe('settings read and watched without @wxt-dev/storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('hears a change, and not the same record written again or another key', async () => {
    const heard: string[] = [];
    const stop = watchSettings(({ settings }) => heard.push(settings.theme));
    await saveSettings({ ...DEFAULT_SETTINGS, theme: 'dark' });
    const record = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: structuredClone(record) });
    await fakeBrowser.storage.local.set({ other: 1 });
    await saveSettings({ ...DEFAULT_SETTINGS, theme: 'light' });
    stop();
    await saveSettings({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(heard).toEqual(['dark', 'light']);
  });

  it('reads a corrupt record field by field, and the defaults when storage fails', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 99, changes: { theme: 'dark', enabled: 'yes' } } });
    expect((await loadSettings()).settings.theme).toBe('dark');
    expect((await loadSettings()).settings.enabled).toBe(DEFAULT_SETTINGS.enabled);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('gone'));
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, wasReset: true });
  });

  it('is what the page lifecycle uses, so the content app does not bundle @wxt-dev/storage', () => {
    const source = readFileSync(path.resolve(import.meta.dirname, '../../utils/page/page-lifecycle.ts'), 'utf8');
    expect(source).toContain("from '../settings/watch'");
    expect(source).not.toContain("settings/storage'");
  });
});
