// First run, as a new reader meets it, on a fresh profile in Chromium and Firefox: every keyboard command is
// really bound (commands.getAll(), not the manifest's suggestions), the welcome page opens on install and
// shows the marks' legend, a marked sample and the bound keys, the popup lists the keys and opens the
// browser's shortcut settings, and the toolbar icon exists at every size the stores ask for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHROME_DIST, FIREFOX_DIST, launchChromium, type ExtensionBrowser } from './harness';
import { hasFirefox, launchFirefox, type FirefoxExtensionBrowser } from './firefox-harness';

type Command = { name?: string; shortcut?: string; description?: string };
const ICON_SIZES = [16, 32, 48, 96, 128];
const KINDS = ['person', 'place', 'state', 'organisation', 'event'];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}


/** Commands left without a suggested key on purpose: a browser binds at most four suggested keys (README, Keyboard). */
const KEYLESS_BY_DESIGN = ['make-fact-pack', 'open-panel'];

describe('the manifest icons', () => {
  for (const [browserName, dist] of [['chrome', CHROME_DIST], ['firefox', FIREFOX_DIST]] as const) {
    it(`${browserName}: icons and the toolbar icon at ${ICON_SIZES.join(', ')} px, each a PNG of its size`, () => {
      const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8'));
      const action = manifest.action ?? manifest.browser_action;
      for (const set of [manifest.icons, action.default_icon]) {
        expect(Object.keys(set).map(Number).sort((a, b) => a - b)).toEqual(ICON_SIZES);
        for (const size of ICON_SIZES) expect(pngSize(path.join(dist, set[size]))).toEqual({ width: size, height: size });
      }
    });
  }
});

describe('first run in Chromium (fresh profile)', () => {
  let ext: ExtensionBrowser;
  let welcome: Page;

  beforeAll(async () => {
    ext = await launchChromium();
    const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');
    welcome = ext.context.pages().find(isWelcome) ?? (await ext.context.waitForEvent('page', { predicate: isWelcome, timeout: 15_000 }));
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('binds a shortcut to every command', async () => {
    const commands = (await ext.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: { commands: { getAll(): Promise<Command[]> } } }).chrome.commands.getAll(),
    )) as Command[];
    const keyed = commands.filter((c) => !KEYLESS_BY_DESIGN.includes(c.name ?? ''));
    expect(keyed.map((c) => c.name).sort()).toEqual(['_execute_action', 'next-mention', 'previous-mention', 'toggle-site']);
    for (const c of keyed) expect({ name: c.name, shortcut: c.shortcut }).toEqual({ name: c.name, shortcut: expect.stringMatching(/^Alt\+Shift\+[A-Z]$/) });
  });

  it('opens the welcome page once, on install, with the legend, a marked sample and the keys', async () => {
    expect(ext.context.pages().filter((p) => p.url().endsWith('/welcome.html'))).toHaveLength(1);
    await welcome.waitForSelector('[data-testid="legend"] li[data-kind="event"]');
    expect(await welcome.$$eval('[data-testid="legend"] li', (lis) => lis.map((li) => li.getAttribute('data-kind')))).toEqual(KINDS);
    // The sample is marked by the engine: every kind appears, and the line style differs by kind.
    const marks = await welcome.$$eval('[data-testid="sample"] mark', (ms) =>
      ms.map((m) => ({ kind: m.getAttribute('data-kind'), line: getComputedStyle(m).textDecorationStyle })),
    );
    expect(new Set(marks.map((m) => m.kind))).toEqual(new Set(KINDS));
    const lineOf = new Map(marks.map((m) => [m.kind, m.line]));
    expect(new Set(lineOf.values()).size).toBe(KINDS.length);
    const keys = await welcome.textContent('[data-testid="shortcuts"]');
    for (const k of ['J', 'K', 'O', 'F']) expect(keys).toMatch(new RegExp(`Alt\\s*\\+\\s*Shift\\s*\\+\\s*${k}`));
    // Only the commands without a suggested key by design say "Not set".
    expect((keys?.match(/Not set/g) ?? []).length).toBeLessThanOrEqual(KEYLESS_BY_DESIGN.length);
    expect(keys).toContain('Make a fact pack');
    // The welcome page's switch is the real one.
    await welcome.click('[data-testid="welcome-enabled"]');
    await expect
      .poll(() => ext.serviceWorker.evaluate(async () => JSON.stringify(await (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<unknown> } } } }).chrome.storage.local.get(null))))
      .toContain('"enabled":false');
    await welcome.click('[data-testid="welcome-enabled"]');
    await expect.poll(() => welcome.isChecked('[data-testid="welcome-enabled"]')).toBe(true);
  });

  it('lists the bound keys in the popup and opens the browser\'s shortcut settings', async () => {
    const popup = await ext.openPopup();
    await popup.waitForSelector('[data-testid="shortcuts"] kbd');
    const rows = await popup.$$eval('[data-testid="shortcuts"] [data-command]', (els) =>
      els.map((e) => [e.getAttribute('data-command'), e.querySelector('dt')?.textContent ?? '']),
    );
    expect(Object.fromEntries(rows.filter(([name]) => !KEYLESS_BY_DESIGN.includes(name ?? '')))).toEqual({
      'next-mention': 'Alt+Shift+J',
      'previous-mention': 'Alt+Shift+K',
      'toggle-site': 'Alt+Shift+O',
      _execute_action: 'Alt+Shift+F',
    });
    expect(await popup.getAttribute('[data-testid="legend-link"]', 'href')).toMatch(/\/welcome\.html$/);
    const opened = ext.context.waitForEvent('page', { timeout: 10_000 });
    await popup.click('[data-testid="shortcut-settings"]');
    const settings = await opened;
    await expect.poll(() => settings.url()).toBe('chrome://extensions/shortcuts');
  });
});

describe.skipIf(!hasFirefox())('first run in Firefox (fresh profile)', () => {
  let ff: FirefoxExtensionBrowser;

  beforeAll(async () => {
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('binds a shortcut to every command', async () => {
    const commands = await ff.inExtension(
      () => (globalThis as unknown as { browser: { commands: { getAll(): Promise<Command[]> } } }).browser.commands.getAll(),
      null,
    );
    const keyed = commands.filter((c) => !KEYLESS_BY_DESIGN.includes(c.name ?? ''));
    expect(keyed.map((c) => c.name).sort()).toEqual(['_execute_browser_action', 'next-mention', 'previous-mention', 'toggle-site']);
    for (const c of keyed) expect({ name: c.name, shortcut: c.shortcut }).toEqual({ name: c.name, shortcut: expect.stringMatching(/^Alt\+Shift\+[A-Z]$/) });
  });

  it('opens the welcome page on install, with the legend and the keys', async () => {
    const welcomeUrl = `moz-extension://${ff.uuid}/welcome.html`;
    // The install opened it in a tab (its address is the add-on's own, so the add-on sees it; BiDi lists it
    // as about:blank, hence the tabs API).
    const tabUrls = () =>
      ff.inExtension(async () => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }).browser;
        return (await api.tabs.query({})).map((t) => t.url ?? '');
      }, null);
    await expect.poll(tabUrls, { timeout: 15_000 }).toContain(welcomeUrl);
    expect((await tabUrls()).filter((u) => u === welcomeUrl)).toHaveLength(1);
    // What it shows, in a page the test can read.
    const welcome = await ff.extensionPage('welcome.html', '[data-testid="legend"]');
    await welcome.waitForSelector('[data-testid="shortcuts"] kbd', { timeout: 15_000 });
    expect(await welcome.$$eval('[data-testid="legend"] li', (lis) => lis.map((li) => li.getAttribute('data-kind')))).toEqual(KINDS);
    const keys = await welcome.$eval('[data-testid="shortcuts"]', (e) => e.textContent ?? '');
    for (const k of ['J', 'K', 'O', 'F']) expect(keys).toContain(`Alt+Shift+${k}`);
  });

  it("opens the browser's shortcut settings from the popup (commands.openShortcutSettings)", async () => {
    const tabCount = () =>
      ff.inExtension(async () => (await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<unknown[]> } } }).browser.tabs.query({})).length, null);
    const hasApi = await ff.inExtension(
      () => typeof (globalThis as unknown as { browser: { commands: { openShortcutSettings?: unknown } } }).browser.commands.openShortcutSettings,
      null,
    );
    expect(hasApi).toBe('function');
    const popup = await ff.openPopup(undefined, '[data-testid="shortcut-settings"]');
    const before = await tabCount();
    await popup.click('[data-testid="shortcut-settings"]');
    // about:addons opens in a tab of its own (its address is hidden from an add-on without "tabs").
    await expect.poll(tabCount, { timeout: 10_000 }).toBe(before + 1);
  });
});
