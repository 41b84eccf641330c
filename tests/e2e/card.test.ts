// The fact card in Chromium with the built extension: hovering a mention opens it in a factlens- shadow
// host, its quote discloses on demand, Escape and a click elsewhere close it, the step-mention command opens
// it from the keyboard with focus inside, and neither a strict style CSP nor hostile page CSS changes it.
// Screenshots of the open card go to $FACTLENS_OUT_DIR/screenshots/ for review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { OUT_DIR, REPO_ROOT, launchChromium, serveFixtures, waitForMarks, type ExtensionBrowser, type FixtureServer } from './harness';
import { FACT_BASE } from '../../utils/factbase/generated/idlib-2019';

const SCREENSHOTS = path.join(OUT_DIR, 'screenshots');
const WAGNER = FACT_BASE.actors.find((a) => a.id === 'wagner-group')!;

/** The article's paragraphs, verbatim, as a plain news page (plus a line where "Wagner" alone needs a cue). */
async function articlePage(head = ''): Promise<string> {
  const text = await readFile(path.join(REPO_ROOT, 'assets/articles/idlib-2019.txt'), 'utf8');
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Idlib</title>${head}</head>
<body><main><h1>Trump calls on Russia, Syria and Iran to stop the violence in Idlib</h1>
${paragraphs}
<p id="reason-line">Fighters from Wagner were seen near Sirte, where the mercenaries have dug in.</p>
<button id="page-button">A page button</button>
<div class="spacer"></div>
</main></body></html>`;
}

const SITE_CSS = `body { margin: 0; background: #fafaf7; color: #1a1a1a; font: 18px/1.6 Georgia, "DejaVu Serif", serif; }
main { max-width: 680px; margin: 40px auto; padding: 0 24px; }
h1 { font: 700 30px/1.2 "DejaVu Sans", Arial, sans-serif; }
.spacer { height: 1600px; }`;
const HOSTILE_CSS = `* { all: unset !important; }
html { font-size: 40px !important; }
p, h1, main { display: block !important; margin: 0 0 1em !important; }
factlens-card, factlens-card * { display: none; color: red; font-size: 60px; }`;

/** The centre of the first occurrence of `text` on the page (client coordinates). */
async function pointOf(page: Page | Frame, text: string, within = 'body', top = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([needle, selector, fromTop]) => {
      const root = document.querySelector(selector)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + needle.length);
        (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        // Or this far from the top of the viewport, leaving room below for the card.
        if (fromTop > 0) window.scrollBy(0, range.getBoundingClientRect().top - fromTop);
        const r = range.getClientRects()[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    [text, within, top] as const,
  );
  if (!point) throw new Error(`"${text}" not on the page`);
  return point;
}

const dialog = (page: Page) => page.locator('factlens-card [role="dialog"]');

async function hoverOpen(page: Page, text: string, within?: string, top?: number) {
  const { x, y } = await pointOf(page, text, within, top);
  await page.mouse.move(x - 40, y - 60);
  await page.mouse.move(x, y, { steps: 4 });
  await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
}

/** Computed styles of the card's parts, read inside its shadow root. */
function cardStyles(page: Page) {
  return page.evaluate(() => {
    const shadow = document.querySelector('factlens-card')!.shadowRoot!;
    const pick = (sel: string) => {
      const el = shadow.querySelector(sel)!;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        fontSize: s.fontSize,
        fontFamily: s.fontFamily,
        fontWeight: s.fontWeight,
        lineHeight: s.lineHeight,
        color: s.color,
        backgroundColor: s.backgroundColor,
        padding: s.padding,
        borderRadius: s.borderRadius,
        boxShadow: s.boxShadow,
        display: s.display,
        position: s.position,
        width: Math.round(r.width),
        // The content's height: the box itself may be capped to the room left in the viewport.
        contentHeight: sel === '.floating' ? 'placement' : el.scrollHeight,
      };
    };
    return {
      floating: pick('.floating'),
      card: pick('.card'),
      name: pick('.name'),
      fact: pick('.fact-text'),
      chip: pick('.chip'),
      disclosure: pick('.disclosure'),
    };
  });
}

describe('the fact card', () => {
  let ext: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    ext = await launchChromium();
    server = await serveFixtures({
      '/site.css': SITE_CSS,
      '/hostile.css': HOSTILE_CSS,
      '/article.html': await articlePage('<link rel="stylesheet" href="/site.css">'),
      '/csp.html': {
        body: await articlePage('<link rel="stylesheet" href="/site.css">'),
        headers: { 'content-security-policy': "style-src 'self'; script-src 'self'" },
      },
      '/fullscreen.js': "document.getElementById('page-button').addEventListener('click', () => document.querySelector('main').requestFullscreen());",
      '/fullscreen.html': await articlePage('<link rel="stylesheet" href="/site.css"><script src="/fullscreen.js" defer></script>'),
      '/frame.html':
        '<!doctype html><html><head><title>frame</title></head><body><p>An embedded article:</p><iframe id="f" src="/article.html" width="1000" height="700"></iframe></body></html>',
      '/hostile.html': await articlePage('<link rel="stylesheet" href="/site.css"><link rel="stylesheet" href="/hostile.css">'),
    });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('adds nothing to the page until a card opens; hovering a mention opens it with the actor and a quote on demand', async () => {
    const page = await ext.page();
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    expect(await page.locator('factlens-card').count()).toBe(0);
    const before = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth }));

    await hoverOpen(page, 'Wagner group', 'body', 160);
    const host = await page.evaluate(() => {
      const el = document.querySelector('[data-nonexistent], factlens-card')!;
      return { tag: el.localName, shadow: !!el.shadowRoot, parent: el.parentElement?.localName };
    });
    expect(host.tag).toBe('factlens-card');
    expect(host.shadow).toBe(true);
    await expect(dialog(page).locator('h2').textContent()).resolves.toBe(WAGNER.name);
    const labelledBy = await dialog(page).getAttribute('aria-labelledby');
    await expect(page.locator(`factlens-card [id="${labelledBy}"]`).textContent()).resolves.toBe(WAGNER.name);

    // The quote: hidden until its disclosure button is pressed, then the article's sentence.
    const firstQuote = WAGNER.facts[0]!.quote;
    await expect(dialog(page).getByText(firstQuote, { exact: false }).count()).resolves.toBe(0);
    await dialog(page).getByRole('button', { name: 'Source sentence' }).first().click();
    await expect(dialog(page).locator('blockquote:not([hidden])').first().textContent()).resolves.toBe(`“${firstQuote}”`);
    const article = await readFile(path.join(REPO_ROOT, 'assets/articles/idlib-2019.txt'), 'utf8');
    expect(article).toContain(firstQuote);

    // The card floats (position: fixed): the page's size does not change.
    const after = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth }));
    expect(after).toEqual(before);

    await page.mouse.move(5, 5); // the card stays open once clicked into (the disclosure click made it so)
    const box = (await dialog(page).boundingBox())!;
    expect(box.height).toBeLessThan(900 - 160);
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'card-open.png'),
      clip: { x: Math.max(0, box.x - 300), y: Math.max(0, box.y - 110), width: Math.min(1280 - Math.max(0, box.x - 300), box.width + 600), height: box.height + 140 },
    });

    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached', timeout: 2000 });
    await page.close();
  });

  it('closes a hover card when the pointer leaves, but not while the pointer is on the card', async () => {
    const page = await ext.page();
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    await hoverOpen(page, 'Khalifa Haftar');
    const box = (await dialog(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 30, { steps: 6 });
    await page.waitForTimeout(700);
    await expect(dialog(page).isVisible()).resolves.toBe(true);
    await page.mouse.move(box.x + box.width + 200, box.y + box.height + 200, { steps: 3 });
    await dialog(page).waitFor({ state: 'detached', timeout: 3000 });
    await page.close();
  });

  it('explains a match decided by a context cue, switches to a related actor and back, and closes on a click elsewhere', async () => {
    const page = await ext.page();
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    const { x, y } = await pointOf(page, 'Wagner', '#reason-line');
    await page.mouse.click(x, y);
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    // The page's decision, as a sentence (issue 12): the article is about the story, and the cue decided "Wagner".
    await expect(dialog(page).locator('.reason').textContent()).resolves.toMatch(
      /^Marked because this page is about “Trump calls .*”: it names .+\. Marked because “\w+” appears nearby\.$/,
    );
    await dialog(page).locator('.chip', { hasText: 'Khalifa Haftar' }).click();
    await expect(dialog(page).locator('h2').textContent()).resolves.toBe('Khalifa Haftar');
    await dialog(page).getByRole('button', { name: 'Back to Wagner group' }).click();
    await expect(dialog(page).locator('h2').textContent()).resolves.toBe('Wagner group');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'card-reason.png') });
    await page.mouse.click(20, 20);
    await dialog(page).waitFor({ state: 'detached', timeout: 2000 });
    await page.close();
  });

  it('stays open on its mention when the page adds a <style> and restyles the paragraph (the text is the same)', async () => {
    const page = await ext.page();
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    const { x, y } = await pointOf(page, 'Khalifa Haftar');
    await page.mouse.click(x, y);
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'p { letter-spacing: 0.01em; }';
      document.head.append(style);
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.includes('Khalifa Haftar'))!;
      p.classList.add('restyled');
      p.append(document.createElement('span'));
    });
    // Past the mutation batch and its re-read: the card is still there, on the same actor.
    await page.waitForTimeout(800);
    await expect(dialog(page).isVisible()).resolves.toBe(true);
    await expect(dialog(page).locator('h2').textContent()).resolves.toBe('Khalifa Haftar');
    await page.close();
  });

  it('opens from the keyboard command with focus inside, steps to the next mention, and gives focus back', async () => {
    const page = await ext.page();
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    await page.focus('#page-button');
    // As the background does for the keyboard command (tab urls need a permission Factlens does not ask for:
    // send to every tab; only this one has the content script).
    const step = (direction: 'next' | 'previous') =>
      ext.serviceWorker.evaluate(async (d) => {
        type Api = { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(i: number, m: object, o: object): Promise<unknown> } };
        const api = (globalThis as unknown as { chrome: Api }).chrome;
        for (const tab of await api.tabs.query({})) {
          if (tab.id !== undefined) await api.tabs.sendMessage(tab.id, { type: 'step-mention', direction: d }, { frameId: 0 }).catch(() => undefined);
        }
      }, direction);
    await step('next');
    await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
    const first = await dialog(page).locator('h2').textContent();
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('factlens-card');
    await step('next');
    await page.waitForFunction((name) => document.querySelector('factlens-card')?.shadowRoot?.querySelector('h2')?.textContent !== name, first);
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached', timeout: 2000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-button');
    await page.close();
  });

  it('is styled under Content-Security-Policy: style-src \'self\'', async () => {
    const page = await ext.page();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(server.url('/csp.html'));
    await waitForMarks(page, 5);
    await hoverOpen(page, 'Wagner group');
    const s = await cardStyles(page);
    expect(s.floating.position).toBe('fixed');
    expect(s.card.backgroundColor).toBe('rgb(255, 255, 255)');
    expect(s.card.borderRadius).toBe('12px');
    expect(s.card.boxShadow).not.toBe('none');
    expect(s.card.fontSize).toBe('14px');
    expect(s.name.fontSize).toBe('18px');
    expect(s.chip.borderRadius).toBe('999px');
    expect(cspErrors).toEqual([]);
    await page.close();
  });

  it('looks the same on a page whose CSS sets * { all: unset } and html { font-size: 40px }', async () => {
    const page = await ext.page();
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    await hoverOpen(page, 'Wagner group');
    const baseline = await cardStyles(page);
    await page.goto(server.url('/hostile.html'));
    await waitForMarks(page, 5);
    // Prove the hostile sheet applies to the page.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('40px');
    await hoverOpen(page, 'Wagner group');
    const hostile = await cardStyles(page);
    expect(hostile).toEqual(baseline);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'card-hostile-css.png') });
    await page.close();
  });

  it('moves into the fullscreen element', async () => {
    const page = await ext.page();
    await page.goto(server.url('/fullscreen.html'));
    await waitForMarks(page, 5);
    await page.click('#page-button');
    await page.waitForFunction(() => document.fullscreenElement?.localName === 'main');
    await page.evaluate(() => document.querySelector('main')!.scrollTo(0, 0));
    await hoverOpen(page, 'Donald Trump');
    expect(await page.evaluate(() => document.querySelector('factlens-card')!.parentElement!.localName)).toBe('main');
    await page.keyboard.press('Escape'); // closes the card (the first Escape may also leave fullscreen)
    await dialog(page).waitFor({ state: 'detached', timeout: 2000 });
    await page.close();
  });

  it('draws the card in the frame that holds the mention', async () => {
    const page = await ext.page();
    await page.goto(server.url('/frame.html'));
    const frame = page.frames().find((f) => f.url().endsWith('/article.html'))!;
    await frame.waitForFunction(() => {
      let n = 0;
      for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens')) n += h.size;
      return n >= 5;
    });
    const inFrame = await pointOf(frame, 'Donald Trump');
    const offset = (await page.locator('#f').boundingBox())!;
    await page.mouse.move(offset.x + inFrame.x - 30, offset.y + inFrame.y - 30);
    await page.mouse.move(offset.x + inFrame.x, offset.y + inFrame.y, { steps: 4 });
    await frame.locator('factlens-card [role="dialog"]').waitFor({ state: 'visible', timeout: 5000 });
    await expect(frame.locator('factlens-card h2').textContent()).resolves.toBe('Donald Trump');
    expect(await page.evaluate(() => document.querySelectorAll('factlens-card').length)).toBe(0);
    await page.close();
  });

  it('removes its host when Factlens is turned off, and opens on click only when set so', async () => {
    const page = await ext.page();
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    await hoverOpen(page, 'Wagner group');
    const setStored = (changes: object | null) =>
      ext.serviceWorker.evaluate(async (c) => {
        type Api = { storage: { local: { set(o: object): Promise<void>; remove(k: string): Promise<void> } } };
        const api = (globalThis as unknown as { chrome: Api }).chrome;
        if (c) await api.storage.local.set({ settings: { version: 1, changes: c } });
        else await api.storage.local.remove('settings');
      }, changes);
    try {
      await setStored({ enabled: false });
      await page.waitForFunction(() => document.querySelectorAll('factlens-card').length === 0, undefined, { timeout: 5000 });
      await setStored({ cardTrigger: 'click' });
      await waitForMarks(page, 5);
      const { x, y } = await pointOf(page, 'Khalifa Haftar');
      await page.mouse.move(x, y, { steps: 3 });
      await page.waitForTimeout(800);
      expect(await page.locator('factlens-card').count()).toBe(0);
      await page.mouse.click(x, y);
      await dialog(page).waitFor({ state: 'visible', timeout: 5000 });
      await expect(dialog(page).locator('h2').textContent()).resolves.toBe('Khalifa Haftar');
    } finally {
      await setStored(null);
    }
    await page.close();
  });

  it('follows a dark colour scheme', async () => {
    const page = await ext.page();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    await hoverOpen(page, 'Syrian Observatory for Human Rights', 'body', 160);
    const s = await cardStyles(page);
    expect(s.card.backgroundColor).toBe('rgb(29, 32, 41)');
    const box = (await dialog(page).boundingBox())!;
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'card-dark.png'),
      clip: { x: Math.max(0, box.x - 40), y: Math.max(0, box.y - 40), width: box.width + 80, height: box.height + 80 },
    });
    await page.close();
  });
});
