// The Firefox side of the browser-test harness: Debian's firefox-esr driven by puppeteer-core over WebDriver
// BiDi, with the Firefox build (FIREFOX_DIST, from FACTLENS_OUT_DIR like the Chromium harness) installed as
// a temporary add-on. Offline: nothing here downloads a browser, and the prefs below keep Firefox itself
// from calling home, so the only traffic is to the test's own servers on 127.0.0.1.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FIREFOX_DIST } from './harness';

/** The add-on id in the Firefox manifest (wxt.config.ts, browser_specific_settings.gecko.id). */
export const GECKO_ID = 'factlens@factlens.example';

export function firefoxExecutable(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error("Firefox not found: install Debian's package (apt-get install -y firefox-esr) or set FIREFOX_PATH");
  return found;
}

/** Whether a Firefox binary is present (tests skip with a reason when it is not). */
export function hasFirefox(): boolean {
  try {
    firefoxExecutable();
    return true;
  } catch {
    return false;
  }
}

// Everything Firefox might fetch on its own, turned off (puppeteer-core already turns off some of it).
// A dead proxy for all but 127.0.0.1 makes any request we missed fail fast instead of leaving the machine.
const OFFLINE_PREFS: Record<string, unknown> = {
  'app.update.auto': false,
  'app.update.enabled': false,
  'app.update.checkInstallTime': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'browser.aboutHomeSnippets.updateUrl': '',
  'browser.discovery.enabled': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.geoip.url': '',
  'browser.topsites.contile.enabled': false,
  'captivedetect.canonicalURL': '',
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'dom.push.connection.enabled': false,
  'dom.push.serverURL': '',
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'media.gmp-gmpopenh264.enabled': false,
  'media.gmp-manager.url': '',
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.trr.mode': 5,
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '127.0.0.1,localhost',
  'network.proxy.allow_hijacking_localhost': false,
  'services.sync.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.coverage.opt-out': true,
};

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The add-on's internal uuid, pinned by pref: its pages live at moz-extension://UUID/. */
  uuid: string;
  /** The add-on id as installed (the gecko id). */
  addonId: string;
  /** A new tab. */
  page(): Promise<Page>;
  /** Opens an extension page (e.g. "popup.html?tab=3") in a new tab; resolves once `readySelector` is there. */
  extensionPage(pathAndQuery: string, readySelector?: string): Promise<Page>;
  /** Opens the popup as a page, for the given tab id when one is given (popup.html?tab=N). */
  openPopup(tabId?: number, readySelector?: string): Promise<Page>;
  /** The browser's tab id of a page opened in this browser (read through the extension's tabs API). */
  tabIdOf(page: Page): Promise<number>;
  /** Runs a function with the extension's API (`browser.*`) in an extension page kept open for it. */
  inExtension<T, A>(fn: (arg: A) => Promise<T> | T, arg: A): Promise<T>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  dist?: string;
  /** Load no extension (a control browser for comparisons). */
  withoutExtension?: boolean;
  viewport?: { width: number; height: number };
}

/** Navigates without waiting for load: moz-extension:// pages never report it over BiDi. */
async function gotoExtensionPage(page: Page, url: string, readySelector: string): Promise<void> {
  void page.goto(url, { timeout: 15_000 }).catch(() => {});
  // While the document is being replaced, an evaluation can hit the realm that is going away (a BiDi
  // protocol error, seen under load): ask again until the new page answers or the time is up.
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await page.waitForFunction((u) => location.href === u, { timeout: Math.max(1, deadline - Date.now()), polling: 50 }, url);
      break;
    } catch (error) {
      // puppeteer wraps the BiDi error: "Waiting failed", caused by the ProtocolError.
      const text = `${String(error)} ${String((error as { cause?: unknown }).cause ?? '')}`;
      if (Date.now() >= deadline || !/Protocol error|Execution context|realm/i.test(text)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await page.waitForSelector(readySelector, { timeout: 15_000 });
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionBrowser> {
  const dist = path.resolve(options.dist ?? FIREFOX_DIST);
  if (!options.withoutExtension && !existsSync(path.join(dist, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${dist}: run \`FACTLENS_OUT_DIR=… npx wxt build -b firefox\` first`);
  }
  const uuid = randomUUID();
  const viewport = options.viewport ?? { width: 1280, height: 900 };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxExecutable(),
    headless: true,
    // Needed to open moz-extension:// pages over BiDi (TOOLCHAIN.md, "Firefox").
    args: ['--remote-allow-system-access', `--width=${viewport.width}`, `--height=${viewport.height}`],
    defaultViewport: viewport,
    protocolTimeout: 60_000,
    extraPrefsFirefox: {
      ...OFFLINE_PREFS,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
    },
  });
  let addonId = '';
  try {
    if (!options.withoutExtension) addonId = await browser.installExtension(dist);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const base = `moz-extension://${uuid}/`;
  let controlPage: Page | undefined;

  const ext: FirefoxExtensionBrowser = {
    browser,
    uuid,
    addonId,
    async page() {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      return page;
    },
    async extensionPage(p, readySelector = 'body *') {
      const page = await browser.newPage();
      await gotoExtensionPage(page, base + p, readySelector);
      return page;
    },
    openPopup(tabId, readySelector) {
      return ext.extensionPage(tabId === undefined ? 'popup.html' : `popup.html?tab=${tabId}`, readySelector);
    },
    async inExtension<T, A>(fn: (arg: A) => Promise<T> | T, arg: A): Promise<T> {
      if (!controlPage) {
        // Any page of the add-on has the extension API; the popup is the one every build has. The
        // negative tab id keeps it from acting on a real tab.
        controlPage = await ext.extensionPage('popup.html?tab=-1', 'body');
      }
      // The function runs in the page, where `browser` is the add-on's API.
      return (await controlPage.evaluate(fn as (a: unknown) => Promise<unknown>, arg as unknown)) as T;
    },
    async tabIdOf(page) {
      const url = page.url();
      // Without the "tabs" permission Firefox hides tabs' URLs (and tabs.query({url}) ignores a port), so
      // ask each tab's content script which page it is on (its get-page-actors answer carries the URL).
      const id = await ext.inExtension(async (u: string) => {
        type Tab = { id?: number; url?: string };
        const api = (globalThis as unknown as {
          browser: { tabs: { query(q: object): Promise<Tab[]>; sendMessage(id: number, m: object): Promise<unknown> } };
        }).browser;
        const tabs = await api.tabs.query({});
        const byUrl = tabs.find((t) => t.url === u);
        if (byUrl?.id !== undefined) return byUrl.id;
        for (const t of tabs) {
          if (t.id === undefined || t.url !== undefined) continue;
          const answer = await Promise.race([
            api.tabs.sendMessage(t.id, { type: 'get-page-actors' }).catch(() => undefined),
            new Promise((resolve) => setTimeout(resolve, 2000)),
          ]);
          if ((answer as { url?: unknown } | undefined)?.url === u) return t.id;
        }
        return -1;
      }, url);
      if (id < 0) throw new Error(`no tab for ${url} (its content script did not answer get-page-actors)`);
      return id;
    },
    async close() {
      await browser.close().catch(() => {});
    },
  };
  return ext;
}
