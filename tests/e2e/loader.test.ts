// The loader content script in Chromium (utils/page/app-loader.ts): the app runs in the top frame and in
// frames with text, not in a frame with only a label until text arrives; the marks' stylesheet (the
// manifest's in the top frame, the background's in another frame where the app starts) really paints the marks
// the app registers, in the top frame, a srcdoc frame and an ad frame once text arrives (a screenshot changes
// when the page clears the highlights), and the page's document.styleSheets stay its own. The gate: a page
// that names no core actor of a base in force loads no app (no scan, no preparation), marks once a sentence
// that does is added, and marks at once, without a reload, when a pack that names its actor is imported.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { CHROME_DIST, launchChromium, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { ATLANTIS_PACK, gateLeftAlone } from './hostile-helpers';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>loader</title>
<style>body { background: #fff; font: 28px/1.5 serif; margin: 0 } iframe { border: 0; display: block }</style></head><body>
<p>Turkey and Russia met in Idlib while Donald Trump watched from afar.</p>
<iframe name="article" width="900" height="120" srcdoc="<style>body{background:#fff;font:28px serif}</style><p>Fighting continues in Idlib province while Russia and Turkey answered.</p>"></iframe>
<iframe name="ad" width="900" height="120" srcdoc="<style>body{background:#eee;font:28px serif}</style><div><span>Advertisement</span> <a href='#'>Shop now</a></div>"></iframe>
</body></html>`;

const PROSE = `<!doctype html><html><head><meta charset="utf-8"><title>prose</title></head><body><article>
<h1>The new library</h1><p>The committee met on Tuesday morning to review the plans for the new library.</p>
<p>Several residents asked whether the building would keep the old reading room; the architect said it would.</p>
</article></body></html>`;
const ATLANTIS = PROSE.replace('</article>', '<p>Later the Council of Atlantis met again to discuss the harbour.</p></article>');

let ext: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures({ '/loader.html': PAGE, '/prose.html': PROSE, '/atlantis.html': ATLANTIS });
  ext = await launchChromium();
}, 60_000);

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const marksIn = (frame: Frame) =>
  frame.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens')) n += h.size;
    return n;
  });
const scansIn = (frame: Frame) => frame.evaluate(() => performance.getEntriesByName('factlens:scan').length);

/**
 * Whether the marks in frame `f` really paint: the page's own CSS.highlights.clear() changes a screenshot of
 * `area`. Factlens restores the marks on its next tick (at most 1 s), so a screenshot taken before that shows
 * the text unmarked, and a try whose screenshot came after the restore shows no change: a few tries, and one
 * must differ.
 */
async function paints(f: Frame, area: import('playwright-core').Locator): Promise<boolean> {
  const clip = (await area.boundingBox())!;
  const page = area.page();
  for (let i = 0; i < 5; i++) {
    await f.waitForFunction(() => CSS.highlights.size > 0, undefined, { timeout: 5_000 });
    const marked = await page.screenshot({ clip });
    await f.evaluate(() => CSS.highlights.clear());
    const cleared = await page.screenshot({ clip });
    if (!marked.equals(cleared)) return true;
  }
  return false;
}

describe('the loader (Chromium)', () => {
  it('imports, in the top frame, an app built with V8\'s compile hint as its first line; the frames\' copy and the loader have none', () => {
    // wxt.config.ts adds it after minification, which drops comments: without it the app's functions are
    // compiled one by one on the page's thread as the scan first calls them.
    const read = (file: string) => readFileSync(path.join(CHROME_DIST, file), 'utf8');
    expect(read('content-app.js').split('\n', 1)[0]).toBe('//# allFunctionsCalledOnLoad');
    expect(read('content-app-frame.js')).not.toContain('allFunctionsCalledOnLoad');
    expect(read('content-scripts/content.js')).not.toContain('allFunctionsCalledOnLoad');
    const manifest = JSON.parse(read('manifest.json')) as { web_accessible_resources: { resources: string[] }[] };
    expect(manifest.web_accessible_resources[0]!.resources).toEqual(expect.arrayContaining(['content-app.js', 'content-app-frame.js']));
  });

  it('marks paint in the top frame and a frame with text; a frame with a label loads nothing until text arrives', async () => {
    const page = await ext.page();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url('/loader.html'));
    const frame = (name: string) => page.frames().find((f) => f.name() === name)!;
    for (const f of [page.mainFrame(), frame('article')]) await f.waitForFunction(() => performance.getEntriesByName('factlens:mark').length > 0, undefined, { timeout: 15_000 });
    expect(await marksIn(page.mainFrame())).toBe(4);
    // Three actors of the story: each frame decides on its own whether it is about the story (issue 12).
    expect(await marksIn(frame('article'))).toBe(3);
    // The top frame has the manifest's stylesheet; on Chrome a frame gets it from the background when its app starts.
    expect(await paints(page.mainFrame(), page.locator('p'))).toBe(true);
    expect(await paints(frame('article'), page.locator('iframe[name=article]'))).toBe(true);
    // The page's stylesheets are its own: one <style> per document, nothing added.
    for (const f of page.frames()) expect(await f.evaluate(() => document.styleSheets.length)).toBe(1);
    // The ad frame: no scan ran, no mark; a sentence added later gets the app and its marks.
    const ad = frame('ad');
    expect(await scansIn(ad)).toBe(0);
    await ad.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>The Wagner group was seen near Sirte in Libya while Turkey and Russia watched.</p>'));
    await ad.waitForFunction(() => performance.getEntriesByName('factlens:mark').length > 0, undefined, { timeout: 15_000 });
    expect(await marksIn(ad)).toBeGreaterThanOrEqual(2);
    expect(await paints(ad, page.locator('iframe[name=ad]'))).toBe(true);
    expect(await ad.evaluate(() => document.styleSheets.length)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  const gated = (page: import('playwright-core').Page) => page.waitForFunction(gateLeftAlone, undefined, { timeout: 15_000 });
  const appRan = (page: import('playwright-core').Page) =>
    page.evaluate(() => performance.getEntriesByName('factlens:scan').length + performance.getEntriesByName('factlens:prepare').length);

  it('a page naming no core actor loads no app; a sentence that names the story, added later, is marked', async () => {
    const page = await ext.page();
    await page.goto(server.url('/prose.html'));
    await gated(page);
    await page.waitForTimeout(500);
    expect(await appRan(page)).toBe(0);
    expect(await marksIn(page.mainFrame())).toBe(0);
    await page.evaluate(() =>
      document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>Turkey and Russia met in Idlib while the Wagner group watched.</p>'),
    );
    await page.waitForFunction(() => performance.getEntriesByName('factlens:mark').length > 0, undefined, { timeout: 15_000 });
    expect(await marksIn(page.mainFrame())).toBeGreaterThanOrEqual(3);
    await page.close();
  }, 60_000);

  it('an open page the gate left alone is marked at once when a pack naming its actor is imported', async () => {
    const page = await ext.page();
    await page.goto(server.url('/atlantis.html'));
    await gated(page);
    expect(await appRan(page)).toBe(0);
    const fb = await ext.extensionPage('factbase.html');
    await fb.waitForSelector('[data-testid="pack-list"]');
    await fb.setInputFiles('[data-testid="pack-file"]', { name: 'atlantis.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ATLANTIS_PACK)) });
    await fb.waitForSelector('[data-pack-id="atlantis-2030"]');
    await page.waitForFunction(() => performance.getEntriesByName('factlens:mark').length > 0, undefined, { timeout: 15_000 });
    expect(await marksIn(page.mainFrame())).toBe(1);
    await fb.close();
    await page.close();
  }, 60_000);
});
