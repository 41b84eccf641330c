// Single-page apps: the address changes by history.pushState / popstate and the content is swapped by script.
// The marks, the popup's list and the badge must follow without a reload.
// (Each view names three actors of the story: a page naming one in passing is not marked, issue 12.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  readMarkedTexts,
  serveFixtures,
  waitForMarks,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const APP = `<!doctype html><html><head><title>SPA</title></head><body>
<nav><a id="go" href="/app/libya">Next story</a></nav>
<main id="view"><p>Russia and Turkey shelled Idlib overnight.</p></main>
<script>
  const views = {
    '/app/idlib': '<p>Russia and Turkey shelled Idlib overnight.</p>',
    '/app/libya': '<p>Khalifa Haftar\\'s forces advanced in Libya with Russia\\'s help.</p>',
  };
  const render = () => { document.getElementById('view').innerHTML = views[location.pathname] || ''; };
  document.getElementById('go').addEventListener('click', (e) => {
    e.preventDefault();
    history.pushState({}, '', '/app/libya');
    render();
  });
  addEventListener('popstate', render);
</script></body></html>`;

declare const chrome: {
  tabs: { sendMessage(tabId: number, message: object, options: { frameId: number }): Promise<unknown> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

describe('single-page-app navigations (Chromium)', () => {
  let ext: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    ext = await launchChromium();
    server = await serveFixtures({ '/app/idlib': { body: APP, headers: { 'content-type': 'text/html' } } });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('follows pushState and popstate: marks, the page actors and the badge', async () => {
    const page = await ext.page();
    await page.goto(server.url('/app/idlib'));
    await waitForMarks(page, 3);
    expect((await readMarkedTexts(page)).sort()).toEqual(['Idlib', 'Russia', 'Turkey']);
    const tabId = await ext.tabIdOf(page);
    const actorsOnPage = async () => {
      const answer = (await ext.serviceWorker.evaluate(
        (id) => chrome.tabs.sendMessage(id, { type: 'get-page-actors' }, { frameId: 0 }),
        tabId,
      )) as { url: string; actors: { actorId: string; count: number }[] };
      return { path: new URL(answer.url).pathname, ids: answer.actors.map((a) => a.actorId).sort() };
    };
    const badge = () => ext.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

    await page.click('#go');
    await expect.poll(async () => (await readMarkedTexts(page)).sort()).toEqual(['Khalifa Haftar', 'Libya', 'Russia']);
    await expect.poll(actorsOnPage).toEqual({ path: '/app/libya', ids: ['khalifa-haftar', 'libya', 'russia'] });
    await expect.poll(badge).toBe('3');

    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/app/idlib');
    await expect.poll(async () => (await readMarkedTexts(page)).sort()).toEqual(['Idlib', 'Russia', 'Turkey']);
    await expect.poll(actorsOnPage).toEqual({ path: '/app/idlib', ids: ['idlib', 'russia', 'turkey'] });
    await expect.poll(badge).toBe('3');
  });
});
