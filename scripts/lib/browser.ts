// The browser pieces shared by the demo, the bench and the browser tests: the built extension in Debian's
// Chromium (playwright-core) and pages served on 127.0.0.1. Nothing here downloads a browser.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { CHROME_DIST } from './paths';

export * from './paths';

export function chromiumExecutable(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian\'s package (apt-get install -y chromium) or set CHROMIUM_PATH');
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** A new tab. */
  page(): Promise<Page>;
  /** Opens an extension page (e.g. "factbase.html") in a new tab. */
  extensionPage(pathAndQuery: string): Promise<Page>;
  /** Opens the popup as a page, for the given tab id when one is given (popup.html?tab=N). */
  openPopup(tabId?: number): Promise<Page>;
  /** The browser's tab id of a page opened in this context. */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  dist?: string;
  /** Load no extension (a control browser for comparisons). */
  withoutExtension?: boolean;
  viewport?: { width: number; height: number };
  /** Wait for the background's first gate write (default: for Factlens's own builds; an older build has none). */
  awaitGate?: boolean;
}

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/** Whether the build is Factlens's own (not one of the bench's floor extensions). */
const isFactlens = (dist: string) => (JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as { name?: string }).name === 'Factlens';

/**
 * Waits for the background's first write of the loader's gate (utils/background/packs-sync.ts), as a browser
 * that has run Factlens before has it: a page loaded in a fresh profile before that write loads the app
 * whatever its words (no gate yet), so a figure or a test of a page the gate leaves alone would vary.
 */
async function frameGateStored(worker: Worker): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const has = await worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return (await c.storage.local.get('frame-gate'))['frame-gate'] !== undefined;
    });
    if (has) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the background wrote no frame gate in 15 s');
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dist = options.dist ?? CHROME_DIST;
  if (!options.withoutExtension && !existsSync(path.join(dist, 'manifest.json'))) {
    throw new Error(`No built extension at ${dist}: run \`npm run build\` first`);
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'factlens-profile-'));
  const args = [...CHROMIUM_ARGS];
  if (!options.withoutExtension) args.push(`--disable-extensions-except=${dist}`, `--load-extension=${dist}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable(),
    headless: false, // --headless=new above: the mode that runs extensions
    args,
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  let serviceWorker: Worker | undefined;
  let extensionId = '';
  if (!options.withoutExtension) {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    extensionId = new URL(serviceWorker.url()).host;
    if (options.awaitGate ?? isFactlens(dist)) await frameGateStored(serviceWorker);
  }
  const base = `chrome-extension://${extensionId}/`;
  const ext: ExtensionBrowser = {
    context,
    extensionId,
    get serviceWorker() {
      if (!serviceWorker) throw new Error('launched without the extension');
      return serviceWorker;
    },
    page: () => context.newPage(),
    async extensionPage(p) {
      const page = await context.newPage();
      await page.goto(base + p);
      return page;
    },
    openPopup(tabId) {
      return ext.extensionPage(tabId === undefined ? 'popup.html' : `popup.html?tab=${tabId}`);
    },
    async tabIdOf(page) {
      // The tab is the active one after its page is brought to the front: the extension has no "tabs"
      // permission to search tabs by address. The welcome tab, which the extension opens on install at its
      // own pace, can take the front meanwhile. A web page's address is visible to the extension (its host
      // permissions), so for one the active tab must show it, else it asks again.
      const web = /^https?:/.test(page.url());
      for (let attempt = 0; attempt < 30; attempt++) {
        await page.bringToFront();
        const { id, url } = await ext.serviceWorker.evaluate(async () => {
          const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
          return { id: tab?.id ?? -1, url: tab?.url ?? null };
        });
        if (id >= 0 && (!web || url === page.url())) return id;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no tab for ${page.url()}`);
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
  return ext;
}

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

export type Route = string | { body: string | Buffer; headers?: Record<string, string>; status?: number };

export interface FixtureServer {
  origin: string;
  url(p: string): string;
  /** Requests received, for tests that check what was (not) fetched. */
  requests: { url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function contentType(p: string): string {
  return TYPES[path.extname(p).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Serves in-memory pages and, optionally, files under `dirs` (first match wins) on 127.0.0.1 at a free port.
 */
export async function serveFixtures(files: Record<string, Route> = {}, dirs: string[] = []): Promise<FixtureServer> {
  const requests: FixtureServer['requests'] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ url: url.pathname + url.search, headers: req.headers });
    const route = files[url.pathname];
    if (route !== undefined) {
      const r = typeof route === 'string' ? { body: route } : route;
      res.writeHead(r.status ?? 200, { 'content-type': contentType(url.pathname || '.html'), ...r.headers });
      res.end(r.body);
      return;
    }
    for (const dir of dirs) {
      const file = path.join(dir, decodeURIComponent(url.pathname));
      if (!file.startsWith(dir)) break;
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': contentType(file) });
        res.end(body);
        return;
      } catch {
        /* try the next folder */
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p) => origin + (p.startsWith('/') ? p : `/${p}`),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves a folder's files on 127.0.0.1. */
export function serveDirectory(dir: string): Promise<FixtureServer> {
  return serveFixtures({}, [path.resolve(dir)]);
}

/** The number of ranges in each Factlens highlight registered on the page, read from the page itself. */
export function factlensHighlights(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    if (!('highlights' in CSS)) return out;
    for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) {
      if (name.startsWith('factlens')) out[name] = h.size;
    }
    return out;
  });
}

/**
 * Runs in the page (pass it to `evaluateHandle`, Playwright's or Puppeteer's, and the handle on to `evaluate`):
 * every range of Factlens's highlights as a live Range, in no particular order.
 */
export function markedRanges(): Range[] {
  const out: Range[] = [];
  for (const [name, h] of CSS.highlights as unknown as Map<string, Iterable<AbstractRange>>) {
    if (!name.startsWith('factlens')) continue;
    for (const r of h) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      out.push(range);
    }
  }
  return out;
}

/** The text of every range in Factlens's highlights, read by the page's own script, in no particular order. */
export async function readMarkedTexts(page: Page): Promise<string[]> {
  const ranges = await page.evaluateHandle(markedRanges);
  try {
    return await page.evaluate((list) => list.map((r) => r.toString()), ranges);
  } finally {
    await ranges.dispose();
  }
}

/** Waits until the page has at least `min` Factlens-highlighted ranges in all. */
export async function waitForMarks(page: Page, min = 1, timeout = 10_000): Promise<Record<string, number>> {
  await page.waitForFunction(
    (m) => {
      if (!('highlights' in CSS)) return false;
      let n = 0;
      for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) {
        if (name.startsWith('factlens')) n += h.size;
      }
      return n >= m;
    },
    min,
    { timeout },
  );
  return factlensHighlights(page);
}

