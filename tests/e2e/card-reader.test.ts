// The card as a reader meets it (issue 13), in Chromium with the built extension: a tap on a mention inside a
// link opens the card first (mouse clicks follow the link), counts are of the page under "first mention only",
// the keyboard path is announced and Tab/Escape give focus back, the card fits a 400% zoomed viewport, Escape
// sticks, the current mention is highlighted, the popup goes on to the next mention, a pinned card stays, the
// small controls are 24 px targets and the "auto" theme follows the scheme.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { firstTextRect } from './hostile-helpers';
import { REPO_ROOT, SHARED_PAGES, hasSharedPage, launchChromium, serveFixtures, waitForMarks, type ExtensionBrowser, type FixtureServer } from './harness';

async function articleBody(): Promise<string> {
  const text = await readFile(path.join(REPO_ROOT, 'assets/articles/idlib-2019.txt'), 'utf8');
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
}

const SITE_CSS = 'body { margin: 0; font: 18px/1.6 Georgia, serif; } main { max-width: 680px; margin: 24px auto; padding: 0 16px; } .spacer { height: 1600px; }';

const dialog = (page: Page) => page.locator('factlens-card [role="dialog"]');

/** Sends a message to a page's top frame from the service worker (as the background and popup do). */
async function toTab(ext: ExtensionBrowser, page: Page, message: object): Promise<unknown> {
  const tabId = await ext.tabIdOf(page);
  return ext.serviceWorker.evaluate(
    async ([id, m]) => {
      type Api = { tabs: { sendMessage(i: number, m: object, o: object): Promise<unknown> } };
      return (globalThis as unknown as { chrome: Api }).chrome.tabs.sendMessage(id as number, m as object, { frameId: 0 });
    },
    [tabId, message] as const,
  );
}

/** Writes settings changes (as the popup does). */
function setSettings(ext: ExtensionBrowser, changes: Record<string, unknown>) {
  return ext.serviceWorker.evaluate(async (c) => {
    type Local = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    const stored = (await local.get('settings')).settings as { version?: number; changes?: Record<string, unknown> } | undefined;
    await local.set({ settings: { version: stored?.version ?? 2, changes: { ...(stored?.changes ?? {}), ...c } } });
  }, changes);
}

/** The rectangle of the first occurrence of `text` (client coordinates), scrolled to the middle. */
async function rectOf(page: Page, text: string): Promise<NonNullable<ReturnType<typeof firstTextRect>>> {
  const r = await page.evaluate(firstTextRect, { needle: text, scroll: true });
  if (!r) throw new Error(`"${text}" not on the page`);
  return r;
}

/** A finger's tap through the DevTools protocol (the context has no touch emulation of its own). */
async function tap(page: Page, x: number, y: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const liveText = (page: Page) =>
  page.evaluate(() => document.querySelector('factlens-card')?.shadowRoot?.querySelector('[aria-live]')?.textContent ?? null);
const activeInCard = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('factlens-card');
    return document.activeElement === host ? (host!.shadowRoot!.activeElement?.textContent ?? host!.shadowRoot!.activeElement?.getAttribute('aria-label') ?? 'host') : null;
  });
const currentMark = (page: Page) =>
  page.evaluate(() => {
    const h = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get('factlens-current');
    if (!h) return null;
    return [...h].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const b = range.getBoundingClientRect();
      return { text: range.toString(), top: Math.round(b.top + scrollY), left: Math.round(b.left) };
    });
  });

describe('the card for every reader', () => {
  let ext: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    ext = await launchChromium();
    const body = await articleBody();
    server = await serveFixtures(
      {
        '/site.css': SITE_CSS,
        '/article.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Idlib</title><link rel="stylesheet" href="/site.css"></head>
<body><main><h1>Idlib</h1><p><button id="page-button">A page button</button></p>${body}
<p id="linked">Read more: <a id="the-link" href="/target.html">Tayyip Erdogan speaks on Libya</a> today.</p><div class="spacer"></div></main></body></html>`,
        '/target.html': '<!doctype html><title>target</title><p>The link was followed.</p>',
      },
      [SHARED_PAGES],
    );
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('a tap on a linked mention opens its card without following the link; "Open link" or a second tap follows it; a mouse click follows it', async () => {
    const page = await ext.page();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    let r = await rectOf(page, 'Erdogan speaks');
    await tap(page, r.left + 10, r.y);
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    expect(new URL(page.url()).pathname).toBe('/article.html');
    expect(await dialog(page).locator('h2').textContent()).toMatch(/Erdo/);
    const openLink = dialog(page).getByRole('button', { name: 'Open link' });
    expect(await openLink.count()).toBe(1);
    // A second tap on the same mention follows the link, as the page meant.
    r = await rectOf(page, 'Erdogan speaks');
    await Promise.all([page.waitForURL(/target\.html$/, { timeout: 5000 }), tap(page, r.left + 10, r.y)]);
    // "Open link" follows it too.
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    r = await rectOf(page, 'Erdogan speaks');
    await tap(page, r.left + 10, r.y);
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    await Promise.all([page.waitForURL(/target\.html$/, { timeout: 5000 }), dialog(page).getByRole('button', { name: 'Open link' }).click()]);
    // A mouse click on a linked mention follows the link at once.
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    r = await rectOf(page, 'Erdogan speaks');
    await Promise.all([page.waitForURL(/target\.html$/, { timeout: 5000 }), page.mouse.click(r.left + 10, r.y)]);
    await page.close();
  });

  it.skipIf(!hasSharedPage('yahoo-3.html'))('counts every mention on the page under "first mention only" (yahoo-3), in the popup\'s answer and the card', async () => {
    const page = await ext.page();
    await page.goto(server.url('/yahoo-3.html'));
    await waitForMarks(page, 3);
    const before = (await toTab(ext, page, { type: 'get-page-actors' })) as { actors: { actorId: string; count: number }[] };
    const total = before.actors.reduce((n, a) => n + a.count, 0);
    expect(total).toBeGreaterThan(before.actors.length);
    const marks = () =>
      page.evaluate(() => {
        let n = 0;
        for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens-') && name !== 'factlens-current') n += h.size;
        return n;
      });
    const marked = await marks();
    await setSettings(ext, { firstMentionOnly: true });
    await expect.poll(marks, { timeout: 5000 }).toBeLessThan(marked);
    expect(await marks()).toBeLessThanOrEqual(before.actors.length);
    const after = (await toTab(ext, page, { type: 'get-page-actors' })) as { actors: { actorId: string; count: number }[] };
    expect(after.actors).toEqual(before.actors);
    const trump = after.actors.find((a) => a.actorId === 'donald-trump');
    expect(trump?.count).toBeGreaterThan(1);
    await toTab(ext, page, { type: 'show-mention', actorId: 'donald-trump', index: 0 });
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    expect(await dialog(page).locator('.mention-count').textContent()).toBe(`Mentioned ${trump!.count} times on this page`);
    await setSettings(ext, { firstMentionOnly: false });
    await page.close();
  });

  it('announces the keyboard path, not a hover; Tab past the last control and Escape give focus back; stepping shows the current mention', async () => {
    const page = await ext.page();
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    await page.focus('#page-button');
    await toTab(ext, page, { type: 'step-mention', direction: 'next' });
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    const name = await dialog(page).locator('h2').textContent();
    expect(await liveText(page)).toMatch(new RegExp(`^${name}, mention 1 of \\d+$`));
    // The current mention is drawn on the page with its own highlight.
    const current = await currentMark(page);
    expect(current).toHaveLength(1);
    // Tab through the card's controls: past the last one, focus is back on the page's button.
    let guard = 0;
    for (; guard < 30; guard++) {
      await page.keyboard.press('Tab');
      if ((await activeInCard(page)) === null) break;
    }
    expect(guard).toBeLessThan(30);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-button');
    // Escape from inside the card, back to the button as well.
    const said = await liveText(page);
    await toTab(ext, page, { type: 'step-mention', direction: 'next' });

    await page.waitForFunction((before) => {
      const now = document.querySelector('factlens-card')?.shadowRoot?.querySelector('[aria-live]')?.textContent ?? '';
      return now !== before && /, mention \d+ of \d+$/.test(now);
    }, said);
    expect((await currentMark(page))![0]).not.toEqual(current![0]);
    expect(await activeInCard(page)).not.toBeNull();
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached', timeout: 2000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-button');
    expect(await currentMark(page)).toBeNull();
    // A hover card says nothing.
    const r = await rectOf(page, 'Syrian Observatory');
    await page.mouse.move(r.x - 50, r.y - 50);
    await page.mouse.move(r.x, r.y, { steps: 3 });
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    expect(await liveText(page)).toBe('');
    expect(await page.evaluate(() => document.querySelector('factlens-card')!.shadowRoot!.querySelectorAll('header, footer').length)).toBe(0);
    await page.close();
  });

  it('Escape sticks: a 1 px move on the same mention does not reopen the card until the pointer has left it', async () => {
    const page = await ext.page();
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    const r = await rectOf(page, 'Syrian Observatory');
    await page.mouse.move(r.x - 50, r.y - 50);
    await page.mouse.move(r.x, r.y, { steps: 3 });
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached', timeout: 2000 });
    await page.mouse.move(r.x + 1, r.y);
    await page.waitForTimeout(900); // three times the hover delay
    expect(await dialog(page).count()).toBe(0);
    await page.mouse.move(r.x, r.y - 200, { steps: 2 });
    await page.mouse.move(r.x, r.y, { steps: 3 });
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    await page.close();
  });

  it('the popup\'s choice goes on to the actor\'s next mention each time', async () => {
    const page = await ext.page();
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    const tops: number[] = [];
    for (let i = 0; i < 3; i++) {
      await toTab(ext, page, { type: 'show-mention', actorId: 'russia' });
      await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
      await page.waitForFunction((n) => /mention (\d+) of/.exec(document.querySelector('factlens-card')?.shadowRoot?.querySelector('[aria-live]')?.textContent ?? '')?.[1] === String(n), i + 1);
      tops.push((await currentMark(page))![0]!.top);
    }
    expect(new Set(tops).size).toBe(3);
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    await page.close();
  });

  it('a pinned card stays when its mention scrolls away', async () => {
    const page = await ext.page();
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    const r = await rectOf(page, 'Syrian Observatory');
    await page.mouse.click(r.x, r.y);
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    await dialog(page).getByRole('button', { name: 'Keep this card open' }).click();
    await page.evaluate(() => window.scrollBy(0, 1500));
    await page.waitForTimeout(400);
    expect(await dialog(page).isVisible()).toBe(true);
    const box = (await dialog(page).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    // Unpinned, it goes with its mention.
    await dialog(page).getByRole('button', { name: 'Keep this card open' }).click();
    await page.evaluate(() => window.scrollBy(0, 10));
    await dialog(page).waitFor({ state: 'detached', timeout: 3000 });
    await page.close();
  });

  it('at 400% zoom (320 × 225 CSS px) the card fits: close and pin in view, nothing clipped sideways; small controls are 24 px targets', async () => {
    const page = await ext.page();
    await page.setViewportSize({ width: 320, height: 225 });
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    await toTab(ext, page, { type: 'show-mention', actorId: 'syrian-observatory-for-human-rights', index: 0 });
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    await page.waitForTimeout(300);
    const m = await page.evaluate(() => {
      const shadow = document.querySelector('factlens-card')!.shadowRoot!;
      const rect = (sel: string) => {
        const b = shadow.querySelector(sel)!.getBoundingClientRect();
        return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, width: b.width, height: b.height };
      };
      const card = shadow.querySelector('.card') as HTMLElement;
      card.scrollTop = card.scrollHeight; // the header is sticky: close and pin stay on top
      const close = rect('[aria-label="Close"]');
      const pin = rect('[aria-label="Keep this card open"]');
      const clipped = [...shadow.querySelectorAll<HTMLElement>('.card *')]
        .filter((e) => !e.matches('.visually-hidden') && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
        .map((e) => `${e.className}: ${e.scrollWidth} > ${e.clientWidth}`);
      const figures = [...shadow.querySelectorAll<HTMLElement>('.figure')].map((e) => e.getBoundingClientRect()).filter((b) => b.right > card.getBoundingClientRect().right + 1).length;
      return { card: rect('.card'), close, pin, clipped, figures, cardScrolls: card.scrollWidth <= card.clientWidth + 1, vw: innerWidth, vh: innerHeight };
    });
    expect(m.card.top).toBeGreaterThanOrEqual(0);
    expect(m.card.bottom).toBeLessThanOrEqual(m.vh);
    expect(m.card.right).toBeLessThanOrEqual(m.vw);
    for (const b of [m.close, m.pin]) {
      expect(b.top).toBeGreaterThanOrEqual(m.card.top);
      expect(b.bottom).toBeLessThanOrEqual(m.vh);
    }
    expect(m.cardScrolls).toBe(true);
    expect(m.clipped).toEqual([]);
    expect(m.figures).toBe(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    const sizes = await page.evaluate(async () => {
      const shadow = document.querySelector('factlens-card')!.shadowRoot!;
      return [...shadow.querySelectorAll<HTMLElement>('.disclosure, .link-button')].map((e) => {
        const b = e.getBoundingClientRect();
        return { text: e.textContent, w: b.width, h: b.height };
      });
    });
    expect(sizes.length).toBeGreaterThan(1);
    for (const s of sizes) {
      expect(s.h, s.text ?? '').toBeGreaterThanOrEqual(24);
      expect(s.w, s.text ?? '').toBeGreaterThanOrEqual(24);
    }
    await page.close();
  });

  it('the popup at 400% zoom (320 px) does not scroll sideways', async () => {
    const popup = await ext.openPopup();
    await popup.setViewportSize({ width: 320, height: 400 });
    await popup.waitForSelector('.fl-popup');
    const m = await popup.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, width: innerWidth }));
    expect(m.scroll).toBeLessThanOrEqual(m.width);
    await popup.close();
  });

  it('the "auto" theme follows the reader\'s scheme, also when it changes while the card is open', async () => {
    const page = await ext.page();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    await toTab(ext, page, { type: 'show-mention', actorId: 'russia', index: 0 });
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    const theme = () => page.evaluate(() => (document.querySelector('factlens-card')!.shadowRoot!.querySelector('.root') as HTMLElement).dataset.theme);
    const bg = () => page.evaluate(() => getComputedStyle(document.querySelector('factlens-card')!.shadowRoot!.querySelector('.card')!).backgroundColor);
    expect(await theme()).toBe('dark');
    expect(await bg()).toBe('rgb(29, 32, 41)');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => (document.querySelector('factlens-card')!.shadowRoot!.querySelector('.root') as HTMLElement).dataset.theme === 'light');
    expect(await bg()).toBe('rgb(255, 255, 255)');
    await page.close();
  });
});
