// The card's keyboard and touch paths in Firefox (issue 13): the step-mention command announces the mention and
// puts focus in the card, Tab past its last control gives focus back to the page; a tap on a mention inside a
// link opens the card without following the link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { serveFixtures, type FixtureServer } from './harness';
import { hasFirefox, launchFirefox, type FirefoxExtensionBrowser } from './firefox-harness';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Idlib</title></head><body><main>
<p><button id="page-button">A page button</button></p>
<p>US President Donald Trump has called for the governments in Moscow, Damascus and Tehran to stop the violence in Syria's rebel-held province of Idlib.</p>
<p>Read more: <a id="the-link" href="/target.html">Tayyip Erdogan speaks on Libya</a> today.</p>
<div style="height: 1200px"></div></main></body></html>`;

const live = (page: Page) =>
  page.evaluate(() => document.querySelector('factlens-card')?.shadowRoot?.querySelector('[aria-live]')?.textContent ?? null);
const cardOpen = (page: Page) =>
  page.evaluate(() => (document.querySelector('factlens-card')?.shadowRoot?.querySelector('[role="dialog"]')?.getBoundingClientRect().height ?? 0) > 0);

describe.skipIf(!hasFirefox())('the card in Firefox: keyboard and touch', () => {
  let ff: FirefoxExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    [ff, server] = await Promise.all([
      launchFirefox(),
      serveFixtures({ '/page.html': PAGE, '/target.html': '<!doctype html><title>target</title><p>Followed.</p>' }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  async function open(): Promise<{ page: Page; tabId: number }> {
    const page = await ff.page();
    await page.goto(server.url('/page.html'));
    await page.waitForFunction(
      () => [...(CSS.highlights as unknown as Map<string, { size: number }>)].some(([n, h]) => n.startsWith('factlens-') && h.size > 0),
      { timeout: 15_000, polling: 100 },
    );
    return { page, tabId: await ff.tabIdOf(page) };
  }

  it('step-mention announces the mention, focus goes into the card, and Tab past its last control comes back', async () => {
    const { page, tabId } = await open();
    await page.focus('#page-button');
    await ff.inExtension(
      (id: number) => (globalThis as unknown as { browser: { tabs: { sendMessage(i: number, m: object, o: object): Promise<unknown> } } }).browser.tabs.sendMessage(id, { type: 'step-mention', direction: 'next' }, { frameId: 0 }),
      tabId,
    );
    await page.waitForFunction(() => (document.querySelector('factlens-card')?.shadowRoot?.querySelector('[role="dialog"]')?.getBoundingClientRect().height ?? 0) > 0, { timeout: 10_000, polling: 50 });
    expect(await live(page)).toMatch(/, mention 1 of \d+$/);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('factlens-card');
    let presses = 0;
    for (; presses < 30; presses++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.localName !== 'factlens-card')) break;
    }
    expect(presses).toBeLessThan(30);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-button');
    await page.close();
  });

  it('a tap on a linked mention opens its card and does not follow the link', async () => {
    const { page } = await open();
    const point = await page.evaluate(() => {
      const a = document.getElementById('the-link')!;
      const range = document.createRange();
      range.setStart(a.firstChild!, 0);
      range.setEnd(a.firstChild!, 'Tayyip Erdogan'.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + 20, y: r.top + r.height / 2 };
    });
    await page.touchscreen.tap(point.x, point.y);
    await page.waitForFunction(() => (document.querySelector('factlens-card')?.shadowRoot?.querySelector('[role="dialog"]')?.getBoundingClientRect().height ?? 0) > 0, { timeout: 10_000, polling: 50 });
    expect(await cardOpen(page)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/page.html');
    await page.close();
  });
});
