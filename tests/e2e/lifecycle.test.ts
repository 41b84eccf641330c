// The extension's own life under an open page, in Chromium: reloaded (what an update does), disabled and
// enabled again. The old copy of the content script must notice at once, take its marks and card away, stop
// its observers and throw nothing into the page; the new copy must mark the open tab again without a page
// reload (the background re-injects it, utils/background/reinject.ts). A tiny helper extension with the
// `management` permission enables Factlens again: with --load-extension, runtime.reload() brings it back
// disabled in this Chromium (TOOLCHAIN.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROME_DIST, chromiumExecutable, serveFixtures, type FixtureServer } from './harness';
import { MENTIONS_PAGE, cardOpen, hasMarkCount, hoverOpen, markCount, pointOf } from './hostile-helpers';

declare const chrome: {
  runtime: { reload(): void };
  management: { setEnabled(id: string, on: boolean): Promise<void>; get(id: string): Promise<{ enabled: boolean }> };
};

let server: FixtureServer;
let context: BrowserContext;
let helper: Worker;
let profile: string;
let helperDir: string;
let factlensId = '';

const HELPER_SW = `self.addEventListener('install', () => self.skipWaiting());`;

async function factlensWorker(): Promise<Worker> {
  const find = () => context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${factlensId}/`));
  for (let i = 0; i < 100; i++) {
    const w = find();
    if (w) return w;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no Factlens service worker');
}

async function setEnabled(on: boolean): Promise<void> {
  await helper.evaluate(([id, v]) => chrome.management.setEnabled(id as string, v as boolean), [factlensId, on] as const);
}

beforeAll(async () => {
  server = await serveFixtures({ '/page.html': MENTIONS_PAGE });
  profile = await mkdtemp(path.join(tmpdir(), 'factlens-lifecycle-'));
  helperDir = await mkdtemp(path.join(tmpdir(), 'factlens-helper-ext-'));
  await writeFile(
    path.join(helperDir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'test helper', version: '1', permissions: ['management'], background: { service_worker: 'sw.js' } }),
  );
  await writeFile(path.join(helperDir, 'sw.js'), HELPER_SW);
  const both = `${CHROME_DIST},${helperDir}`;
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable(),
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--disable-extensions-except=${both}`, `--load-extension=${both}`],
  });
  for (let i = 0; i < 300 && context.serviceWorkers().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
  const workers = context.serviceWorkers();
  helper = workers.find((w) => w.url().endsWith('/sw.js'))!;
  const factlens = workers.find((w) => w.url().endsWith('/background.js'));
  if (!helper || !factlens) throw new Error(`service workers: ${workers.map((w) => w.url()).join(', ')}`);
  factlensId = new URL(factlens.url()).host;
}, 60_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  await rm(profile, { recursive: true, force: true });
  await rm(helperDir, { recursive: true, force: true });
});

/** Opens the page, waits for its marks, and collects what reaches the page's console as an error. */
async function openMarked(): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // (The test server has no favicon: its 404 is the browser's, not ours.)
    if ((m.type() === 'error' && !/Failed to load resource/.test(m.text())) || /invalidated/i.test(m.text()))
      errors.push(`console: ${m.text()}`);
  });
  await page.goto(server.url('/page.html'));
  await page.waitForFunction(markCount, undefined, { timeout: 10_000 }).catch(() => {});
  await page.waitForFunction(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens')) n += h.size;
    return n >= 4;
  }, undefined, { timeout: 10_000 });
  return { page, errors };
}

describe('extension reload, disable and enable under an open page (Chromium)', () => {
  it('reload: the orphaned script removes marks and card at once, throws nothing; the new copy marks the tab again', async () => {
    const { page, errors } = await openMarked();
    await hoverOpen(page, 'Wagner group');
    const before = await page.evaluate(markCount);

    const sw = await factlensWorker();
    const reloadedAt = Date.now();
    await sw.evaluate(() => chrome.runtime.reload()).catch(() => {});
    await page.waitForFunction(() => {
      for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens') && h.size) return false;
      return ![...document.querySelectorAll('*')].some((e) => e.localName.startsWith('factlens-card'));
    }, undefined, { timeout: 5000 });
    const goneMs = Date.now() - reloadedAt;

    // Disabled (as reload leaves it here) or not: hovering and clicking the old marks opens nothing, throws nothing.
    const { x, y } = await pointOf(page, 'Wagner group');
    await page.mouse.move(x - 30, y - 30);
    await page.mouse.move(x, y, { steps: 3 });
    await page.mouse.click(x, y);
    await page.waitForTimeout(800);
    const enabled = await helper.evaluate((id) => chrome.management.get(id).then((e) => e.enabled), factlensId);
    if (!enabled) expect(await cardOpen(page)).toBe(false);
    // The page's text edits are not followed by the orphan (its observers are gone): no mark comes back.
    await page.evaluate(() => document.getElementById('p1')!.append(' Russia again.'));
    await page.waitForTimeout(300);
    if (!enabled) expect(await page.evaluate(markCount)).toBe(0);

    if (!enabled) await setEnabled(true);
    await page.waitForFunction((n) => {
      let c = 0;
      for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens')) c += h.size;
      return c >= n;
    }, before, { timeout: 15_000 });
    // Exactly one live copy: the marks are those of one scan (the added "Russia" counts once).
    expect(await page.evaluate(markCount)).toBe(before + 1);
    await hoverOpen(page, 'Wagner group');
    expect(errors).toEqual([]);
    console.info(`reload: marks and card gone ${goneMs} ms after runtime.reload()`);
    await page.close();
  }, 60_000);

  it('disable takes the marks away at once; enable brings them back without a page reload', async () => {
    const { page, errors } = await openMarked();
    const before = await page.evaluate(markCount);
    const t0 = Date.now();
    await setEnabled(false);
    await page.waitForFunction(() => {
      for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens') && h.size) return false;
      return true;
    }, undefined, { timeout: 5000 });
    const goneMs = Date.now() - t0;
    await setEnabled(true);
    await page.waitForFunction(hasMarkCount, before, { timeout: 15_000 });
    await hoverOpen(page, 'Wagner group');
    expect(errors).toEqual([]);
    console.info(`disable: marks gone ${goneMs} ms after management.setEnabled(false)`);
    await page.close();
  }, 60_000);
});
