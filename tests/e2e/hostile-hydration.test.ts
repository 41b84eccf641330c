// Hydration (issue 16, point 4): a server-rendered React 18 or 19 page that calls hydrateRoot(document, …)
// after a Factlens card has opened must hydrate without a mismatch (a mismatch makes React render the
// whole document again on the client, replacing the page's nodes). The card's host is the last child of
// <body> (utils/card/host.ts). The control case shows the test can fail: a node appended to <html>, where
// the host used to go, does break React 18's hydration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { cardOpen, hoverOpen } from './hostile-helpers';
import { pageWaitsForMarks } from './hostile-pages';
import { buildReactPage } from './react-pages';

let ext: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  const [r18, r19] = await Promise.all([buildReactPage(18), buildReactPage(19)]);
  server = await serveFixtures({
    '/18/page.html': r18.html.replace('/client.js', '/18/client.js'),
    '/18/client.js': r18.clientJs,
    '/19/page.html': r19.html.replace('/client.js', '/19/client.js'),
    '/19/client.js': r19.clientJs,
  });
  ext = await launchChromium();
}, 60_000);

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

type HydrationState = { errors: string[]; sameNodes: boolean };

async function hydrateAfterCard(
  version: 18 | 19,
  control: boolean,
): Promise<HydrationState & { cardStill: boolean; hostStill: boolean; reopens: boolean }> {
  const page = await ext.page();
  await page.goto(server.url(`/${version}/page.html`));
  await page.waitForFunction(pageWaitsForMarks, 4, { timeout: 10_000 });
  await hoverOpen(page, 'Wagner group');
  if (control) await page.evaluate(() => document.documentElement.append(document.createElement('factlens-card')));
  await page.evaluate(() => (window as unknown as { hydrate(): void }).hydrate());
  await page.waitForFunction(() => (window as unknown as { hydrated?: boolean }).hydrated === true, undefined, { timeout: 10_000 });
  const state = await page.evaluate(() => {
    const w = window as unknown as { hydrationErrors: string[]; firstP: Element | null };
    return { errors: w.hydrationErrors, sameNodes: document.getElementById('p1') === w.firstP };
  });
  const cardStill = await cardOpen(page);
  const hostStill = await page.evaluate(() => [...document.body.children].some((e) => e.localName.startsWith('factlens-card')));
  // Whatever the framework did to the host, the next hover opens a card again.
  await page.mouse.move(5, 5);
  const reopens = await hoverOpen(page, 'Russia').then(
    () => true,
    () => false,
  );
  await page.close();
  return { ...state, cardStill, hostStill, reopens };
}

describe('hydration of a page with a card open (Chromium)', () => {
  for (const version of [18, 19] as const) {
    it(`React ${version}: hydrateRoot(document) after a card opened hydrates without a mismatch`, async () => {
      const result = await hydrateAfterCard(version, false);
      console.info(`React ${version}`, JSON.stringify(result));
      expect(result.errors).toEqual([]);
      expect(result.sameNodes).toBe(true);
      expect(result.reopens).toBe(true);
      // React 18 leaves the open card alone; with React 19 the open card was seen both staying and closing
      // (no mismatch either way): the next hover brings it back.
      if (version === 18) expect(result.cardStill).toBe(true);
    });
  }

  it('control: a node at the end of <html> (the old place) does break React 18 hydration', async () => {
    const result = await hydrateAfterCard(18, true);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.sameNodes).toBe(false);
  });
});
