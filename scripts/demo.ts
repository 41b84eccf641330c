// The main job: serve the demo pages, open Chromium with the built extension (run `npm run build` first;
// `npm run demo` does both), and show Factlens working. With a display it opens a real window and waits;
// without one it runs headless, saves screenshots to demo-output/ and prints the actors found per page.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
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
