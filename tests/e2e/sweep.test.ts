// Every shared fixture page (../shared/fixtures/pages) in Chromium with Factlens: no uncaught error, the DOM
// as without the extension, and per actor exactly as many marks as `factlens scan` reports for the file. A page
// the loader's gate leaves alone (no word of a core actor on it) must be one where the scan finds nothing: the
// popup's question then loads the app, which answers for it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countByActor, scanContent } from '../../cli/scan';
import { SHARED_PAGES, launchChromium, serveDirectory, type ExtensionBrowser, type FixtureServer } from './harness';

const pages = existsSync(SHARED_PAGES) ? readdirSync(SHARED_PAGES).filter((f) => f.endsWith('.html')).sort() : [];
if (pages.length === 0) console.warn(`sweep skipped: no shared fixture pages at ${SHARED_PAGES}`);

declare const chrome: {
  tabs: {
    sendMessage(id: number, m: object): Promise<unknown>;
  };
};

/**
 * The page's actors as its content script reports them to the popup. Asked of this page's own tab: another
 * tab of the browser (the welcome page, opened on install at its own pace) can be the active one.
 */
async function pageActors(ext: ExtensionBrowser, page: Page): Promise<{ active: boolean; actors: { actorId: string; count: number }[] }> {
  const tabId = await ext.tabIdOf(page);
  return ext.serviceWorker.evaluate(
    async (id) => (await chrome.tabs.sendMessage(id, { type: 'get-page-actors' })) as never,
    tabId,
  );
}

/**
 * Resolves once the page has had no Factlens scan measure for a while (the scan passes are done), or once the
 * loader's gate found none of the words of an actor in force on it (factlens:gate, pass false: no app loads).
 */
async function scanSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('factlens:scan').length > 0 ||
      performance.getEntriesByName('factlens:gate').some((e) => (e as PerformanceMeasure).detail?.pass === false),
    null,
    { timeout: 20_000 },
  );
  let last = -1;
  for (;;) {
    const n = await page.evaluate(() => performance.getEntriesByName('factlens:scan').length);
    if (n === last) return;
    last = n;
    await page.waitForTimeout(250);
  }
}

describe.skipIf(pages.length === 0)('sweep over the shared fixture pages (Chromium)', () => {
  let ext: ExtensionBrowser;
  let control: ExtensionBrowser;
  let server: FixtureServer;
  let page: Page;
  let bare: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    [ext, control] = await Promise.all([launchChromium(), launchChromium({ withoutExtension: true })]);
    server = await serveDirectory(SHARED_PAGES);
    const isLocal = (url: string) => url.startsWith(server.origin) || url.startsWith('chrome-extension://');
    for (const b of [ext, control]) {
      // Nothing leaves the machine: every request not for the fixture server is aborted, but the extension's
      // own files (the content app the loader imports is fetched from chrome-extension://) load.
      await b.context.route(/.*/, (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));
      // Pages write timestamps and random ids into their DOM: the same clock and dice in both browsers.
      await b.context.addInitScript(() => {
        const fixed = Date.UTC(2020, 0, 2, 3, 4, 5);
        const RealDate = Date;
        class FixedDate extends RealDate {
          constructor(...args: unknown[]) {
            if (args.length === 0) super(fixed);
            else super(...(args as [string]));
          }
          static override now() {
            return fixed;
          }
        }
        globalThis.Date = FixedDate as DateConstructor;
        let seed = 42;
        Math.random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
      });
    }
    page = await ext.page();
    bare = await control.page();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /factlens/i.test(m.text())) errors.push(`console: ${m.text()}`);
    });
  });
  afterAll(async () => {
    await ext?.close();
    await control?.close();
    await server?.close();
  });

  it.each(pages)('%s', async (file) => {
    const html = readFileSync(path.join(SHARED_PAGES, file), 'utf8');
    const expected = Object.fromEntries(countByActor(scanContent(file, html)));
    const url = server.url(`/${encodeURIComponent(file)}`);

    // Leave the previous page first: its late timers (ad scripts) must not be counted against this one.
    await Promise.all([page.goto('about:blank'), bare.goto('about:blank')]);
    const bareErrors: string[] = [];
    const onBareError = (e: Error) => bareErrors.push(e.message);
    bare.on('pageerror', onBareError);
    errors.length = 0;
    await Promise.all([page.goto(url, { waitUntil: 'load' }), bare.goto(url, { waitUntil: 'load' })]);
    await scanSettled(page);
    // Left alone by the gate: the app never loaded, so nothing may be there to mark.
    if (await page.evaluate(() => performance.getEntriesByName('factlens:scan').length === 0)) expect(expected).toEqual({});

    const reported = await pageActors(ext, page);
    expect(reported.active).toBe(true);
    expect(Object.fromEntries(reported.actors.map((a) => [a.actorId, a.count]))).toEqual(expected);
    const total = await page.evaluate(() => {
      let n = 0;
      for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens')) n += h.size;
      return n;
    });
    expect(total).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    // Nothing marked inside what is not prose: script, style, code, forms, editable or hidden text.
    const misplaced = await page.evaluate(() => {
      const out: string[] = [];
      const skip = 'script, style, noscript, template, textarea, input, select, option, code, pre, kbd, samp, svg, [contenteditable]:not([contenteditable="false"]), [hidden], [aria-hidden="true"]';
      for (const [name, h] of CSS.highlights as unknown as Map<string, Iterable<AbstractRange>>) {
        if (!name.startsWith('factlens')) continue;
        for (const r of h) {
          const inside = r.startContainer.parentElement?.closest(skip);
          if (inside) out.push(`${inside.localName}: ${r.startContainer.textContent?.slice(0, 60)}`);
        }
      }
      return out;
    });
    expect(misplaced).toEqual([]);

    // The page's own errors happen without the extension too; only errors new with Factlens count.
    // Pages throw from their own timers (ad scripts, missing globals) at moments that differ between the two
    // browsers: an error not yet seen without the extension gets a moment to show up there too.
    const newWithFactlens = () => errors.filter((e) => !bareErrors.some((b) => e.includes(b)));
    if (newWithFactlens().length > 0) await bare.waitForTimeout(2000);
    bare.off('pageerror', onBareError);
    expect(newWithFactlens()).toEqual([]);
    const dom = (p: Page) => p.evaluate(() => document.documentElement.outerHTML);
    const [withFactlens, without] = await Promise.all([dom(page), dom(bare)]);
    expect(withFactlens === without, 'DOM differs from the page without the extension').toBe(true);
  });
});
