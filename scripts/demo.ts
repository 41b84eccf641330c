// The main job: serve the demo pages, open Chromium with the built extension (run `npm run build` first;
// `npm run demo` does both), and show Factlens working. With a display it opens a real window and waits;
// without one it runs headless, saves screenshots to demo-output/ and prints the actors found per page.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import {
  PROJECT_PAGES,
  REPO_ROOT,
  SHARED_PAGES,
  factlensHighlights,
  launchChromium,
  markedRanges,
  serveFixtures,
  type ExtensionBrowser,
} from './lib/browser';
import { reviewScreenshot } from './demo-review';
import { shootPanelBeside } from './lib/panel-shot';

const OUT = path.join(REPO_ROOT, 'demo-output');
/** Two real news pages from the shared fixtures, when that folder is present. */
const REAL_PAGES = ['nytimes-1.html', 'yahoo-3.html'];

interface PageActors {
  active: boolean;
  actors: { actorId: string; count: number }[];
}

async function pageActors(ext: ExtensionBrowser, page: Page): Promise<PageActors | null> {
  const tabId = await ext.tabIdOf(page);
  return ext.serviceWorker
    .evaluate(async (id: number) => {
      try {
        return await (globalThis as any).chrome.tabs.sendMessage(id, { type: 'get-page-actors' }, { frameId: 0 });
      } catch {
        return null;
      }
    }, tabId)
    .catch(() => null);
}

async function main(): Promise<void> {
  const headed = !!process.env.DISPLAY && !process.env.CI;
  await mkdir(OUT, { recursive: true });
  const server = await serveFixtures({}, [PROJECT_PAGES, ...(existsSync(SHARED_PAGES) ? [SHARED_PAGES] : [])]);
  const ext = await launchChromium({ viewport: { width: 1200, height: 1000 } });
  const pages = ['article.html', 'live.html'];
  if (existsSync(SHARED_PAGES)) pages.push(...REAL_PAGES.filter((p) => existsSync(path.join(SHARED_PAGES, p))));
  else console.log(`(${SHARED_PAGES} is absent: showing the project's own demo pages only)`);

  console.log(`Factlens demo: extension ${ext.extensionId}, pages served at ${server.origin}\n`);
  for (const name of pages) {
    const page = await ext.page();
    await page.goto(server.url(name), { waitUntil: 'load' });
    await page.waitForTimeout(name === 'live.html' ? 7000 : 1500);
    const marks = await factlensHighlights(page);
    const shot = path.join(OUT, `${path.basename(name, '.html')}.png`);
    await page.screenshot({ path: shot });
    const found = await pageActors(ext, page);
    const total = Object.values(marks).reduce((a, b) => a + b, 0);
    console.log(`${name}: ${total} marks → ${path.relative(REPO_ROOT, shot)}`);
    if (found?.actors.length) {
      for (const a of [...found.actors].sort((x, y) => y.count - x.count)) console.log(`  ${a.actorId.padEnd(34)} ${a.count}`);
    }
    if (name !== 'article.html') await page.close();
  }

  // The open card and the popup, on the article page.
  const article = ext.context.pages().find((p) => p.url().endsWith('/article.html'));
  if (article) {
    await article.bringToFront();
    const opened = await openCardOnFirstMention(article);
    if (opened) {
      await article.waitForTimeout(300);
      await article.screenshot({ path: path.join(OUT, 'card.png') });
      console.log(`\ncard: open on "${opened}" → demo-output/card.png`);
    } else console.log('\ncard: none opened (no card in this build)');
    const popup = await ext.openPopup(await ext.tabIdOf(article));
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.waitForTimeout(800);
    await popup.screenshot({ path: path.join(OUT, 'popup.png'), fullPage: true });
    console.log('popup: → demo-output/popup.png');
    await shootPanelBeside(ext, article, path.join(OUT, 'panel.png'), 'turkey');
    console.log('side panel: → demo-output/panel.png');
    await popup.close();
    await zoomAndDarkShots(ext, article);
  }
  // A fact pack made from a real news page: the review screen (issue 11).
  if (existsSync(SHARED_PAGES)) console.log(`review: → ${(await reviewScreenshot(ext, server, OUT)) ?? 'no draft page opened'}`);

  // The welcome page that opened on install: the legend, a marked sample, the keys.
  const welcome = ext.context.pages().find((p) => p.url().endsWith('/welcome.html')) ?? (await ext.extensionPage('welcome.html'));
  await welcome.bringToFront();
  await welcome.waitForSelector('[data-testid="sample"] mark');
  await welcome.screenshot({ path: path.join(OUT, 'welcome.png') });
  console.log('welcome: → demo-output/welcome.png');

  if (headed) {
    console.log('\nThe browser stays open: close it (or press Ctrl+C) to end the demo.');
    await new Promise<void>((resolve) => ext.context.on('close', () => resolve()));
  } else await ext.close();
  await server.close();
}

/**
 * The card at 400% zoom (a 1200 × 1000 window: 300 × 250 CSS px drawn at 4×) and the article under a dark
 * scheme with the card open (the page dark too, as a site with a dark theme would be).
 */
async function zoomAndDarkShots(ext: ExtensionBrowser, page: Page): Promise<void> {
  const tabId = await ext.tabIdOf(page);
  await page.bringToFront();
  const showCard = (actorId: string) =>
    ext.serviceWorker.evaluate(
      ([id, actor]) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'show-mention', actorId: actor, index: 0 }, { frameId: 0 }),
      [tabId, actorId] as const,
    );
  // Through the DevTools protocol: Playwright's own screenshot showed a stale frame under the metrics override.
  const cdp = await page.context().newCDPSession(page);
  const capture = async (file: string) => {
    const shot = (await cdp.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
    await writeFile(path.join(OUT, file), Buffer.from(shot.data, 'base64'));
  };
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 300, height: 250, deviceScaleFactor: 4, mobile: false });
  await showCard('wagner-group');
  await page.waitForTimeout(600);
  await capture('card-zoom.png');
  await cdp.send('Emulation.clearDeviceMetricsOverride');
  console.log('card at 400% zoom: → demo-output/card-zoom.png');
  await page.keyboard.press('Escape');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addStyleTag({ content: 'html, body { background: #16181d !important; color: #d8dbe2 !important; } a { color: #8bb4ff !important; }' });
  await page.waitForTimeout(1000); // the page's new style is a mutation the scanner reads first
  await showCard('russia');
  await page.waitForTimeout(600);
  await capture('dark.png');
  await cdp.detach();
  await page.emulateMedia({ colorScheme: null });
  console.log('dark scheme: → demo-output/dark.png');
}

/**
 * Hovers a Factlens mark (the first whose text matches `prefer`, else the first below the headline), waits for
 * its card and opens the first fact's source sentence; returns the card's label, or null when no card opened.
 */
async function openCardOnFirstMention(page: Page, prefer = /Wagner group/): Promise<string | null> {
  const found = await page.evaluate(
    ({ ranges, pattern }) => {
      const re = new RegExp(pattern);
      const range = ranges.find((r) => re.test(r.toString())) ?? ranges.find((r) => r.getBoundingClientRect().top > 150);
      if (!range) return false;
      // Bring the mention to the upper third of the window so the card has room below it.
      const top = range.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, Math.max(0, top - window.innerHeight / 4));
      (window as unknown as { __demoRange: Range }).__demoRange = range;
      return true;
    },
    { ranges: await page.evaluateHandle(markedRanges), pattern: prefer.source },
  );
  if (!found) return null;
  await page.waitForTimeout(300);
  const point = await page.evaluate(() => {
    const rect = (window as unknown as { __demoRange: Range }).__demoRange.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.move(point.x, point.y);
  try {
    await page.waitForFunction(
      () => [...document.querySelectorAll('*')].some((e) => e.localName.startsWith('factlens-') && e.shadowRoot?.querySelector('[role="dialog"]')),
      null,
      { timeout: 3000 },
    );
  } catch {
    return null;
  }
  return page.evaluate(() => {
    const host = [...document.querySelectorAll('*')].find((e) => e.localName.startsWith('factlens-') && e.shadowRoot);
    const root = host?.shadowRoot;
    // Open the first fact's source sentence, as a reader would.
    root?.querySelector<HTMLButtonElement>('button[aria-expanded="false"]')?.click();
    const dialog = root?.querySelector('[role="dialog"]');
    const id = dialog?.getAttribute('aria-labelledby');
    return (id && root?.getElementById(id)?.textContent) || 'card';
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
