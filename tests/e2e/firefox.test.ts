// The browser tests that matter, in real Firefox (Debian's firefox-esr over WebDriver BiDi, the Firefox build
// installed as a temporary add-on): marks, the card on hover, the popup switching Factlens off and on live,
// and off leaving the page's DOM exactly as it was; a page naming no core actor loads no app until a sentence
// that does is added (the loader's gate, with Firefox's own extension objects).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { PROJECT_PAGES, markedRanges, serveDirectory, serveFixtures, writeEnabledSetting, type FixtureServer } from './harness';
import { hasFirefox, launchFirefox, type FirefoxExtensionBrowser } from './firefox-harness';
import { gateLeftAlone } from './hostile-helpers';

const ARTICLE = '/article.html';

async function markedTexts(page: Page): Promise<string[]> {
  const ranges = await page.evaluateHandle(markedRanges);
  return page.evaluate((list) => list.map((r) => r.toString()), ranges);
}

function markCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) {
      if (name.startsWith('factlens')) n += h.size;
    }
    return n;
  });
}

async function waitForMarkCount(page: Page, predicate: string, timeout = 10_000): Promise<number> {
  // `predicate` is an expression over n, e.g. "n > 0" (functions cannot cross into the page with closures).
  await page.waitForFunction(
    (pred: string) => {
      let n = 0;
      for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) {
        if (name.startsWith('factlens')) n += h.size;
      }
      return (new Function('n', `return (${pred});`) as (n: number) => boolean)(n);
    },
    { timeout, polling: 50 },
    predicate,
  );
  return markCount(page);
}

/** The visible text of an open Factlens card (a factlens-* host whose open shadow root holds a dialog), or null. */
function openCardText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    for (const el of document.querySelectorAll('*')) {
      if (!el.localName.startsWith('factlens-') || !el.shadowRoot) continue;
      const dialog = el.shadowRoot.querySelector('[role="dialog"]');
      if (!dialog) continue;
      const rect = dialog.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0) return dialog.textContent ?? '';
    }
    return null;
  });
}

/** What the page's DOM would be without any script touching it: the served source, parsed. */
function parsedSource(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(html, 'text/html').documentElement.outerHTML;
  });
}

/**
 * The popup's main on/off control (components/popup/MainSwitches.tsx: data-testid="switch-enabled"); failing
 * that, the first checkbox or switch whose name starts with "Factlens".
 */
async function mainSwitch(popup: Page): Promise<ElementHandle<HTMLInputElement>> {
  const any = 'input[type="checkbox"], [role="switch"]';
  await popup.waitForSelector(any, { timeout: 10_000 });
  const handle = await popup.evaluateHandle((selector) => {
    const byId = document.querySelector('[data-testid="switch-enabled"]');
    if (byId) return byId;
    const nameOf = (el: Element) =>
      (el.getAttribute('aria-label') ?? el.closest('label')?.textContent ?? '').trim();
    const candidates = [...document.querySelectorAll(selector)];
    const main = candidates.find((el) => /^factlens\b/i.test(nameOf(el)));
    if (!main) throw new Error(`no main switch among: ${candidates.map((el) => JSON.stringify(nameOf(el))).join(', ')}`);
    return main;
  }, any);
  return handle as ElementHandle<HTMLInputElement>;
}

/** Flips the popup's main switch as a user would (a click on its label) and checks that it flipped. */
async function flipMainSwitch(popup: Page, expectChecked: boolean): Promise<void> {
  const input = await mainSwitch(popup);
  // The popup draws its switches once settings have loaded: wait for the state it starts from.
  await popup.waitForFunction((el, want) => el.checked === want, { timeout: 5_000 }, input, !expectChecked);
  const label = (await input.evaluateHandle((el) => el.closest('label') ?? el)) as ElementHandle<Element>;
  await label.click();
  await popup.waitForFunction((el, want) => el.checked === want, { timeout: 5_000 }, input, expectChecked);
}

describe.skipIf(!hasFirefox())('Factlens in Firefox', () => {
  let ff: FirefoxExtensionBrowser;
  let server: FixtureServer;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [ff, server] = await Promise.all([launchFirefox(), serveDirectory(PROJECT_PAGES)]);
    page = await ff.page();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(server.url(ARTICLE));
  }, 60_000);
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('marks the article page, visible to the page through CSS.highlights', async () => {
    await waitForMarkCount(page, 'n > 0');
    const texts = await markedTexts(page);
    expect(texts).toContain('Idlib');
    // Every mark covers a whole word of the page, never a fragment or the reader's note in the textarea.
    const inTextarea = await page.evaluate(() => {
      for (const [name, h] of CSS.highlights as unknown as Map<string, Iterable<AbstractRange>>) {
        if (!name.startsWith('factlens')) continue;
        for (const r of h) if (r.startContainer.parentElement?.closest('textarea, input, [contenteditable]')) return true;
      }
      return false;
    });
    expect(inTextarea).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('opens the card when the pointer rests on a mention', async () => {
    await waitForMarkCount(page, 'n > 0');
    const box = await page.evaluate((ranges) => {
      for (const range of ranges) {
        if (range.toString() !== 'Idlib') continue;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    }, await page.evaluateHandle(markedRanges));
    expect(box, 'a mention of Idlib with a box on screen').not.toBeNull();
    expect(await openCardText(page)).toBeNull();
    await page.mouse.move(5, 5);
    await page.mouse.move(box!.x, box!.y, { steps: 3 });
    await page.waitForFunction(
      () => {
        for (const el of document.querySelectorAll('*')) {
          const dialog = el.localName.startsWith('factlens-') ? el.shadowRoot?.querySelector('[role="dialog"]') : null;
          if (dialog && dialog.getBoundingClientRect().height > 0) return true;
        }
        return false;
      },
      { timeout: 10_000, polling: 50 },
    );
    expect(await openCardText(page)).toMatch(/Idlib/);
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await page.waitForFunction(
      () =>
        ![...document.querySelectorAll('*')].some(
          (el) =>
            el.localName.startsWith('factlens-') &&
            (el.shadowRoot?.querySelector('[role="dialog"]')?.getBoundingClientRect().height ?? 0) > 0,
        ),
      { timeout: 5_000, polling: 50 },
    );
  });

  it('the popup switches Factlens off (marks go, the DOM is as served) and on again (marks return)', async () => {
    const before = await waitForMarkCount(page, 'n > 0');
    const textBefore = await page.evaluate(() => document.body.innerText);
    const tabId = await ff.tabIdOf(page);
    const popup = await ff.openPopup(tabId);
    try {
      await flipMainSwitch(popup, false);
      await waitForMarkCount(page, 'n === 0');
      // Off: nothing of Factlens is left in the page, which is exactly the served document again.
      const [live, source] = await Promise.all([
        page.evaluate(() => document.documentElement.outerHTML),
        parsedSource(page),
      ]);
      expect(live).toBe(source);
      expect(await page.evaluate(() => document.body.innerText)).toBe(textBefore);

      await flipMainSwitch(popup, true);
      const after = await waitForMarkCount(page, `n === ${before}`);
      expect(after).toBe(before);
      expect(await markedTexts(page)).toContain('Idlib');
    } finally {
      await popup.close();
    }
    expect(pageErrors).toEqual([]);
  });

  it('settings written to storage switch the marks off and on live', async () => {
    const before = await waitForMarkCount(page, 'n > 0');
    const source = await parsedSource(page);
    const setEnabled = (enabled: boolean) => ff.inExtension(writeEnabledSetting, enabled);

    await setEnabled(false);
    await waitForMarkCount(page, 'n === 0');
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(source);
    await setEnabled(true);
    expect(await waitForMarkCount(page, `n === ${before}`)).toBe(before);
    expect(pageErrors).toEqual([]);
  });

  it('the server saw only the page itself (Factlens fetched nothing)', () => {
    const paths = new Set(server.requests.map((r) => r.url));
    paths.delete('/favicon.ico'); // the browser's own probe
    expect([...paths]).toEqual([ARTICLE]);
  });

  it('a page naming no core actor loads no app; a sentence that names the story, added later, is marked', async () => {
    const quiet = await serveFixtures({
      '/quiet.html':
        '<!doctype html><html><head><meta charset="utf-8"><title>quiet</title></head><body><main>' +
        '<p>The committee met on Tuesday morning to review the plans for the new library by the square.</p></main></body></html>',
    });
    const tab = await ff.page();
    try {
      await tab.goto(quiet.url('/quiet.html'));
      await tab.waitForFunction(gateLeftAlone, { timeout: 15_000 });
      expect(await tab.evaluate(() => performance.getEntriesByName('factlens:scan').length)).toBe(0);
      await tab.evaluate(() =>
        document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>Turkey and Russia met in Idlib while the Wagner group watched.</p>'),
      );
      expect(await waitForMarkCount(tab, 'n >= 3', 15_000)).toBeGreaterThanOrEqual(3);
    } finally {
      await tab.close();
      await quiet.close();
    }
  });
});
