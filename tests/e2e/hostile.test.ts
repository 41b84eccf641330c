// Hostile pages in Chromium (issue 16, points 2, 3 and 8): a page that dispatches WXT's "content script
// started" event or fakes the user's pointer and keys, a page that defines `factlens-card` itself or clears
// CSS.highlights, about:blank and srcdoc frames, text edited under a mark, designMode. Factlens must keep
// working, never be stopped or driven by the page, and recover by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { MENTIONS_PAGE, cardOpen, hasMarkCount, hoverOpen, markCount, pointOf } from './hostile-helpers';
import { HOSTILE_PAGES, pageWaitsForMarks } from './hostile-pages';

let ext: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures({ '/page.html': MENTIONS_PAGE, ...HOSTILE_PAGES });
  ext = await launchChromium();
}, 60_000);

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function open(p: string): Promise<{ page: Page; errors: string[] }> {
  const page = await ext.page();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url(p));
  await page.waitForFunction(pageWaitsForMarks, 4, { timeout: 10_000 });
  return { page, errors };
}

describe('hostile pages (Chromium)', () => {
  it("a page dispatching WXT's content-script-started event, or fake pointer and key events, changes nothing", async () => {
    const { page, errors } = await open('/page.html');
    const before = await page.evaluate(markCount);
    const eventName = `${ext.extensionId}:content:wxt:content-script-started`;
    await page.evaluate((name) => {
      for (const detail of [{ contentScriptName: 'content', messageId: 'page' }, undefined, null])
        window.dispatchEvent(new CustomEvent(name, { detail }));
      window.dispatchEvent(new CustomEvent(`${name.split(':')[0]}:content:wxt:locationchange`));
    }, eventName);
    // Fake pointer moves, clicks and Escape on a mention (isTrusted false): no card opens.
    const { x, y } = await pointOf(page, 'Wagner group');
    await page.evaluate(([cx, cy]) => {
      const target = document.elementFromPoint(cx!, cy!)!;
      for (const type of ['pointermove', 'pointerover', 'mousemove'])
        target.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: cx, clientY: cy, pointerType: 'mouse' }));
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: cx, clientY: cy }));
    }, [x, y]);
    await page.waitForTimeout(700);
    expect(await cardOpen(page)).toBe(false);
    // Still running: new text is marked, a real hover opens the card, a fake Escape does not close it.
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>Russia spoke.</p>'));
    await page.waitForFunction(hasMarkCount, before + 1, { timeout: 5000 });
    await hoverOpen(page, 'Wagner group');
    await page.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await page.waitForTimeout(300);
    expect(await cardOpen(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page that defined factlens-card itself still gets a working card; its own elements are left alone', async () => {
    const { page, errors } = await open('/defines-card.html');
    await hoverOpen(page, 'Wagner group');
    const hosts = await page.evaluate(() =>
      [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('factlens-card')).map((e) => ({ name: e.localName, defined: e.matches(':defined') })),
    );
    // The page's own <factlens-card> stays; ours is another, undefined name.
    expect(hosts.filter((h) => h.defined)).toEqual([{ name: 'factlens-card', defined: true }]);
    expect(hosts.filter((h) => !h.defined).map((h) => h.name)).toEqual([expect.stringMatching(/^factlens-card-[a-z0-9]+$/)]);
    expect(await page.evaluate(() => (window as unknown as { constructed: number }).constructed)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks come back by themselves after CSS.highlights.clear() and after a name is deleted', async () => {
    const { page } = await open('/page.html');
    const before = await page.evaluate(markCount);
    await page.evaluate(() => CSS.highlights.clear());
    expect(await page.evaluate(markCount)).toBe(0);
    await page.waitForFunction(hasMarkCount, before, { timeout: 5000 });
    await page.evaluate(() => {
      for (const name of [...(CSS.highlights as unknown as Map<string, unknown>).keys()]) if (name.startsWith('factlens')) CSS.highlights.delete(name);
    });
    await page.waitForFunction(hasMarkCount, before, { timeout: 5000 });
    await page.close();
  });

  it('srcdoc and about:blank iframes get their marks', async () => {
    const page = await ext.page();
    await page.goto(server.url('/frames.html'));
    await page.waitForFunction(() => (window as unknown as { framesReady?: boolean }).framesReady === true);
    for (const name of ['srcdoc', 'blank']) {
      const frame = page.frames().find((f) => f.name() === name)!;
      expect(frame.url()).toMatch(name === 'srcdoc' ? /^about:srcdoc/ : /^about:blank/);
      await frame.waitForFunction(pageWaitsForMarks, 2, { timeout: 10_000 });
    }
    await page.close();
  });

  it('an edited text node loses its marks in the same task; designMode on removes marks, off brings them back', async () => {
    const { page } = await open('/page.html');
    // Edit the text of a marked node and read the highlights before any timer or frame runs.
    const stale = await page.evaluate(async () => {
      const text = document.getElementById('p1')!.firstChild as Text;
      text.data = 'Turkme' + text.data; // every old offset in this node is now wrong
      await Promise.resolve(); // the MutationObserver's microtask, nothing more
      const out: string[] = [];
      for (const [name, h] of CSS.highlights as unknown as Map<string, Iterable<AbstractRange>>) {
        if (!name.startsWith('factlens')) continue;
        for (const r of h) if (r.startContainer === text) out.push(text.data.slice(r.startOffset, r.endOffset));
      }
      return out;
    });
    expect(stale).toEqual([]);
    // The block is read again: the marks come back on the right words.
    await page.waitForFunction(() => {
      const text = document.getElementById('p1')!.firstChild as Text;
      for (const [name, h] of CSS.highlights as unknown as Map<string, Iterable<AbstractRange>>)
        if (name.startsWith('factlens')) for (const r of h) if (r.startContainer === text) return true;
      return false;
    }, undefined, { timeout: 5000 });
    const before = await page.evaluate(markCount);
    await page.evaluate(() => (document.designMode = 'on'));
    await page.waitForFunction(() => {
      for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens') && h.size) return false;
      return true;
    }, undefined, { timeout: 5000 });
    await page.evaluate(() => (document.designMode = 'off'));
    await page.waitForFunction(hasMarkCount, before, { timeout: 5000 });
    await page.close();
  });
});

