// The hostile pages in firefox-esr (issue 16, points 1, 2, 3 and 8; the Chromium side is hostile.test.ts and
// lifecycle.test.ts): WXT's started event and fake events change nothing, a page-defined factlens-card and
// CSS.highlights.clear() are survived, srcdoc and about:blank frames are marked, edited text loses its
// marks at once, designMode, and an extension reload leaves one live copy marking the open tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { serveFixtures, type FixtureServer } from './harness';
import { GECKO_ID, hasFirefox, launchFirefox, type FirefoxExtensionBrowser } from './firefox-harness';
import { MENTIONS_PAGE, firstTextRect, markCount } from './hostile-helpers';
import { HOSTILE_PAGES, pageWaitsForMarks } from './hostile-pages';

let ff: FirefoxExtensionBrowser;
let server: FixtureServer;

const countIs = (page: Page, n: number, timeout = 8000) =>
  page.waitForFunction(
    (want: number) => {
      let c = 0;
      for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens')) c += h.size;
      return c === want;
    },
    { timeout, polling: 50 },
    n,
  );

function cardOpen(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    for (const el of document.querySelectorAll('*'))
      if (el.localName.startsWith('factlens-card') && el.shadowRoot?.querySelector('[role="dialog"]')) return true;
    return false;
  });
}

async function hoverOpen(page: Page, text: string): Promise<void> {
  const p = await page.evaluate(firstTextRect, { needle: text, scroll: false });
  await page.mouse.move(5, 5);
  await page.mouse.move(p!.x, p!.y, { steps: 4 });
  await page.waitForFunction(
    () => [...document.querySelectorAll('*')].some((el) => el.localName.startsWith('factlens-card') && el.shadowRoot?.querySelector('[role="dialog"]')),
    { timeout: 8000, polling: 50 },
  );
}

async function open(p: string, min = 4): Promise<{ page: Page; errors: string[] }> {
  const page = await ff.page();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String((e as Error).message ?? e)));
  await page.goto(server.url(p));
  await page.waitForFunction(pageWaitsForMarks, { timeout: 10_000, polling: 50 }, min);
  return { page, errors };
}

describe.skipIf(!hasFirefox())('hostile pages (Firefox)', () => {
  beforeAll(async () => {
    server = await serveFixtures({ '/page.html': MENTIONS_PAGE, ...HOSTILE_PAGES });
    ff = await launchFirefox();
  }, 90_000);

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it("WXT's content-script-started event and fake pointer events change nothing", async () => {
    const { page, errors } = await open('/page.html');
    const before = await page.evaluate(markCount);
    await page.evaluate((name: string) => {
      window.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'page' } }));
      window.dispatchEvent(new CustomEvent(name));
      const target = document.getElementById('p2')!;
      const r = target.getBoundingClientRect();
      target.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: r.left + 40, clientY: r.top + 5, pointerType: 'mouse' }));
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: r.left + 40, clientY: r.top + 5 }));
    }, `${GECKO_ID}:content:wxt:content-script-started`);
    await new Promise((r) => setTimeout(r, 700));
    expect(await cardOpen(page)).toBe(false);
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>Russia spoke.</p>'));
    await countIs(page, before + 1);
    await hoverOpen(page, 'Wagner group');
    expect(errors).toEqual([]);
    await page.close();
  }, 40_000);

  it('a page-defined factlens-card and CSS.highlights.clear() are survived', async () => {
    const { page, errors } = await open('/defines-card.html');
    await hoverOpen(page, 'Wagner group');
    const ours = await page.evaluate(() =>
      [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('factlens-card-') && !e.matches(':defined')).length,
    );
    expect(ours).toBe(1);
    const before = await page.evaluate(markCount);
    await page.evaluate(() => CSS.highlights.clear());
    await countIs(page, before);
    expect(errors).toEqual([]);
    await page.close();
  }, 40_000);

  it('srcdoc and about:blank frames get marks', async () => {
    const page = await ff.page();
    await page.goto(server.url('/frames.html'));
    await new Promise((r) => setTimeout(r, 300));
    // Read from the parent (same origin): each frame's own CSS.highlights.
    await page.waitForFunction(
      () =>
        ['srcdoc', 'blank'].every((name) => {
          const win = (document.querySelector(`iframe[name=${name}]`) as HTMLIFrameElement).contentWindow as Window & typeof globalThis;
          let n = 0;
          for (const [key, h] of win.CSS.highlights as unknown as Map<string, { size: number }>) if (key.startsWith('factlens')) n += h.size;
          return n >= 2;
        }),
      { timeout: 10_000, polling: 50 },
    );
    await page.close();
  }, 40_000);

  it('edited text loses its marks at once; designMode on removes marks, off brings them back', async () => {
    const { page } = await open('/page.html');
    const stale = await page.evaluate(async () => {
      const text = document.getElementById('p1')!.firstChild as Text;
      text.data = 'Turkme' + text.data;
      await Promise.resolve();
      let n = 0;
      for (const [name, h] of CSS.highlights as unknown as Map<string, Iterable<AbstractRange>>)
        if (name.startsWith('factlens')) for (const r of h) if (r.startContainer === text) n++;
      return n;
    });
    expect(stale).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    const before = await page.evaluate(markCount);
    await page.evaluate(() => (document.designMode = 'on'));
    await countIs(page, 0);
    await page.evaluate(() => (document.designMode = 'off'));
    await countIs(page, before);
    await page.close();
  }, 40_000);

  it('an extension reload leaves one live copy marking the open tab, and nothing thrown into the page', async () => {
    const { page, errors } = await open('/page.html');
    const before = await page.evaluate(markCount);
    await hoverOpen(page, 'Wagner group');
    await ff.inExtension(() => {
      setTimeout(() => (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload(), 50);
    }, undefined);
    // The old copy's card goes (Firefox unloads the old script without its cleanup: the new copy, which
    // Firefox injects into the open tab itself, removes the host left behind); the marks are those of exactly one copy again. (Polled by hand: while the
    // add-on reloads, BiDi's waitForFunction can fail on its own.)
    const poll = async (check: () => Promise<boolean>, ms: number) => {
      const deadline = Date.now() + ms;
      for (;;) {
        if (await check().catch(() => false)) return true;
        if (Date.now() > deadline) return false;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const gone = await poll(async () => !(await cardOpen(page)), 10_000);
    expect(gone).toBe(true);
    expect(await poll(async () => (await page.evaluate(markCount)) === before, 10_000)).toBe(true);
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>Russia spoke.</p>'));
    await countIs(page, before + 1);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
