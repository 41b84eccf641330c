// Robustness in Chromium: generated hostile pages served on 127.0.0.1 (100,000 text nodes, 5,000 levels of
// nesting, 1,000 mutations a second, a strict CSP, same- and cross-origin iframes, a page with highlights of
// its own). For each: no uncaught error, the page's text and DOM identical to the same page in a browser
// without Factlens, Factlens still answering and still marking new text, and its work recorded and bounded.
// Last, across all of them: the extension made no request of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page, Request } from 'playwright-core';
import { createHash } from 'node:crypto';
import { launchChromium, serveFixtures, writeEnabledSetting, type ExtensionBrowser, type FixtureServer, type Route } from './harness';

// Ask Playwright to report the service worker's requests too (harmless where it already does).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

/** A generous bound on the extension's total scan time for one page: a sanity check, not a benchmark. */
const SCAN_BUDGET_MS = 20_000;
const MARK_TIMEOUT_MS = 30_000;
/** How long the content script may take to answer a message (generous: the page may be busy). */
const ANSWER_TIMEOUT_MS = 15_000;

// ---------------------------------------------------------------------------------------------------------
// The generated pages. Scripts are served as files (not inline) so that the strict-CSP page can use the same.

const MENTION = 'Fighting continues in Idlib province, a monitor said.';

function manyTextNodesPage(): string {
  // 10,000 paragraphs of 10 text nodes each (no whitespace between elements: exactly 100,000 text nodes).
  const parts: string[] = ['<!doctype html><html><head><meta charset="utf-8"><title>many nodes</title></head><body>'];
  for (let i = 0; i < 10_000; i++) {
    const lead = i % 50 === 0 ? `Report ${i}: ${MENTION} ` : `Paragraph ${i} opens `;
    parts.push(
      `<p>${lead}<b>with</b> some <i>plain</i> words <span>about</span> the <em>weather</em> and <a href="#p${i}">more</a></p>`,
    );
  }
  parts.push('</body></html>');
  return parts.join('');
}

const DEEP_JS = `
// Builds 5,000 nested elements (deeper than the HTML parser would nest), each with its own text. Inline
// elements: Chromium 156 itself crashes laying out 5,000 nested blocks (seen with divs, no extension).
const TAGS = ['span', 'b', 'i', 'em', 'a', 'strong'];
(() => {
  let parent = document.getElementById('root');
  for (let i = 1; i <= 5000; i++) {
    const el = document.createElement(TAGS[i % TAGS.length]);
    el.append(i % 500 === 0 ? 'Level ' + i + ': Russia and Turkey fight in Idlib. ' : 'level ' + i + ' ');
    parent.append(el);
    parent = el;
  }
  window.__ready = true;
})();`;

const MUTATE_JS = `
// 10 mutations every 10 ms for 3 s (about 1,000 a second), then stops. Deterministic: the final DOM does
// not depend on timing. Adds paragraphs with mentions, edits text in place, removes old paragraphs.
(() => {
  const log = document.getElementById('log');
  let n = 0;
  const started = performance.now();
  const tick = () => {
    for (let k = 0; k < 10; k++) {
      n++;
      const p = document.createElement('p');
      p.textContent = 'Update ' + n + ': Turkey says the offensive on Idlib goes on.';
      log.append(p);
      const edited = log.children[log.children.length - 5];
      if (edited && edited.firstChild) edited.firstChild.data = 'Edited ' + n + ': talks on Idlib in Moscow.';
      if (log.children.length > 200) log.firstElementChild.remove();
    }
    if (n >= 3000) {
      clearInterval(timer);
      window.__mutationRate = Math.round(n / ((performance.now() - started) / 1000));
      window.__ready = true;
    }
  };
  const timer = setInterval(tick, 10);
})();`;

const CSP_JS = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || ''));
});
window.__ready = true;`;

const CSP_CSS = 'body { font: 18px/1.5 serif; margin: 40px; }';

const OWN_HIGHLIGHT_JS = `
// The page's own highlights: one at load, one later (after Factlens has marked).
(() => {
  const word = (id) => {
    const text = document.getElementById(id).firstChild;
    const range = new Range();
    range.setStart(text, 0);
    range.setEnd(text, text.data.indexOf(' '));
    return range;
  };
  window.__pageNote = new Highlight(word('note'));
  CSS.highlights.set('page-note', window.__pageNote);
  setTimeout(() => {
    window.__pageLate = new Highlight(word('late'));
    CSS.highlights.set('page-late', window.__pageLate);
    window.__ready = true;
  }, 1000);
})();`;

const OWN_HIGHLIGHT_CSS = '::highlight(page-note) { background: #ff0; } ::highlight(page-late) { background: #0ff; }';

const FRAME_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>frame</title></head><body>
<p>Inside a frame: Russian bombardment has hit Idlib since mid-December, Turkey said.</p></body></html>`;

function framesPage(crossOrigin: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>frames</title></head><body>
<p>The top page: ${MENTION}</p>
<iframe id="same" src="/frame.html" width="600" height="150"></iframe>
<iframe id="cross" src="${crossOrigin}/frame.html" width="600" height="150"></iframe>
</body></html>`;
}

function simplePage(title: string, body: string, head = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

const STRICT_CSP = "default-src 'self'; style-src 'self'; script-src 'self'";

// ---------------------------------------------------------------------------------------------------------

interface ScanFigures {
  page: string;
  /** factlens:scan measures on the page, their total and longest duration. */
  measures: number;
  totalMs: number;
  maxMs: number;
  /** The longest main-thread task seen on the page (the page's own work included): reported, not asserted. */
  longestTaskMs?: number;
  /** The same without Factlens (the control browser), to tell the page's own long tasks from Factlens's. */
  withoutMs?: number;
  /** How long the content script took to answer get-page-actors. */
  answerMs?: number;
}

type Doc = Page | Frame;

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

async function pageState(doc: Doc): Promise<{ text: string; html: string }> {
  return doc.evaluate(() => ({ text: document.body.innerText, html: document.documentElement.outerHTML }));
}

function waitReady(doc: Doc, timeout = 30_000): Promise<unknown> {
  return doc.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true || !document.querySelector('script'), undefined, {
    timeout,
  });
}

function countMarks(doc: Doc): Promise<number> {
  return doc.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens')) n += h.size;
    return n;
  });
}

async function waitForMarksIn(doc: Doc, min: number, timeout = MARK_TIMEOUT_MS): Promise<number> {
  await doc.waitForFunction(
    (m) => {
      let n = 0;
      for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens')) n += h.size;
      return n >= m;
    },
    min,
    { timeout, polling: 100 },
  );
  return countMarks(doc);
}

function scanFigures(doc: Doc, name: string): Promise<ScanFigures> {
  return doc.evaluate((page) => {
    const entries = performance.getEntriesByName('factlens:scan');
    const durations = entries.map((e) => e.duration);
    const tasks = (window as unknown as { __longTasks?: number[] }).__longTasks;
    return {
      page,
      measures: entries.length,
      totalMs: Math.round(durations.reduce((a, b) => a + b, 0)),
      maxMs: Math.round(Math.max(0, ...durations)),
      longestTaskMs: tasks ? Math.round(Math.max(0, ...tasks)) : undefined,
    };
  }, name);
}

/** Adds a paragraph with a mention and waits until a Factlens mark lies inside it. */
async function newTextGetsMarked(doc: Doc): Promise<void> {
  await doc.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'robustness-probe';
    p.textContent = 'Late news: shelling near Idlib again.';
    document.body.prepend(p);
  });
  await doc.waitForFunction(
    () => {
      const probe = document.getElementById('robustness-probe');
      for (const [name, h] of CSS.highlights as unknown as Map<string, Iterable<AbstractRange>>) {
        if (!name.startsWith('factlens')) continue;
        for (const r of h) if (probe?.contains(r.startContainer)) return true;
      }
      return false;
    },
    undefined,
    { timeout: MARK_TIMEOUT_MS, polling: 100 },
  );
  await doc.evaluate(() => document.getElementById('robustness-probe')?.remove());
}

describe('robustness on hostile pages (Chromium)', () => {
  let ext: ExtensionBrowser;
  let control: ExtensionBrowser;
  let server: FixtureServer;
  let crossServer: FixtureServer;
  const routes: Record<string, Route> = {};
  const crossRoutes: Record<string, Route> = {};
  const contextRequests: { url: string; from: string }[] = [];
  const figures: ScanFigures[] = [];

  beforeAll(async () => {
    crossServer = await serveFixtures(crossRoutes);
    Object.assign(crossRoutes, { '/frame.html': FRAME_PAGE });
    Object.assign(routes, {
      '/many-nodes.html': manyTextNodesPage(),
      '/deep.html': simplePage('deep', '<div id="root">The root.</div><script src="/deep.js"></script>'),
      '/deep.js': DEEP_JS,
      '/mutating.html': simplePage('mutating', `<p>${MENTION}</p><div id="log"></div><script src="/mutate.js"></script>`),
      '/mutate.js': MUTATE_JS,
      '/csp.html': {
        body: simplePage(
          'strict CSP',
          `<p>${MENTION}</p><p>Turkey and Russia met in Moscow.</p>`,
          '<link rel="stylesheet" href="/csp.css"><script src="/csp.js"></script>',
        ),
        headers: { 'content-security-policy': STRICT_CSP },
      },
      '/csp.js': CSP_JS,
      '/csp.css': CSP_CSS,
      '/frames.html': framesPage(crossServer.origin),
      '/frame.html': FRAME_PAGE,
      '/own-highlight.html': simplePage(
        'own highlights',
        `<p id="note">Noted by the page itself.</p><p>${MENTION}</p><p id="late">Later note from the page.</p>` +
          '<script src="/own-highlight.js"></script>',
        '<link rel="stylesheet" href="/own-highlight.css">',
      ),
      '/own-highlight.js': OWN_HIGHLIGHT_JS,
      '/own-highlight.css': OWN_HIGHLIGHT_CSS,
    });
    server = await serveFixtures(routes);
    [ext, control] = await Promise.all([launchChromium(), launchChromium({ withoutExtension: true })]);
    const record = (request: Request) => {
      let from = 'page';
      if (request.serviceWorker()) from = 'service-worker';
      else {
        try {
          from = request.frame().url();
        } catch {
          from = 'unknown';
        }
      }
      contextRequests.push({ url: request.url(), from });
    };
    ext.context.on('request', record);
    // Long tasks, observed from the page's start (main world, before any script of the page or Factlens).
    const observeLongTasks = () => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        /* no long-task timing here */
      }
    };
    await Promise.all([ext.context.addInitScript(observeLongTasks), control.context.addInitScript(observeLongTasks)]);
  }, 90_000);

  afterAll(async () => {
    if (figures.length) {
      console.log('factlens:scan per page (robustness)');
      console.table(figures);
    }
    await Promise.all([ext?.close(), control?.close(), server?.close(), crossServer?.close()]);
  });

  /** The page loaded with and without Factlens: returns the extension's page, with errors recorded. */
  async function openBoth(pathname: string): Promise<{ page: Page; controlPage: Page; errors: string[] }> {
    const errors: string[] = [];
    const [page, controlPage] = await Promise.all([ext.page(), control.page()]);
    page.on('pageerror', (e) => errors.push(String(e)));
    await Promise.all([page.goto(server.url(pathname)), controlPage.goto(server.url(pathname))]);
    await Promise.all([waitReady(page), waitReady(controlPage)]);
    return { page, controlPage, errors };
  }

  async function expectSameAsWithout(doc: Doc, controlDoc: Doc): Promise<void> {
    const [mine, theirs] = await Promise.all([pageState(doc), pageState(controlDoc)]);
    // Hashes keep a failure message readable on megabyte-sized pages; lengths say how far apart they are.
    expect({ text: sha(mine.text), length: mine.text.length }).toEqual({ text: sha(theirs.text), length: theirs.text.length });
    expect({ html: sha(mine.html), length: mine.html.length }).toEqual({ html: sha(theirs.html), length: theirs.html.length });
  }

  /**
   * The page's tab id. The harness's tabIdOf reads tab URLs, which Chrome hides from an extension without
   * the "tabs" permission: then ask each tab's content script (its get-page-actors answer carries the URL).
   */
  async function tabIdOf(page: Page): Promise<number> {
    try {
      return await ext.tabIdOf(page);
    } catch {
      /* URLs hidden: ask the tabs */
    }
    const id = await ext.serviceWorker.evaluate(async (u) => {
      type Tab = { id?: number; url?: string };
      const api = (globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<Tab[]>; sendMessage(id: number, m: object, o: object): Promise<unknown> } };
      }).chrome;
      for (const t of await api.tabs.query({})) {
        if (t.id === undefined) continue;
        const answer = await Promise.race([
          api.tabs.sendMessage(t.id, { type: 'get-page-actors' }, { frameId: 0 }).catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, 5000)),
        ]);
        if ((answer as { url?: unknown } | undefined)?.url === u) return t.id;
      }
      return -1;
    }, page.url());
    if (id < 0) throw new Error(`no tab answers for ${page.url()}`);
    return id;
  }

  /** Asks the top frame's content script for the page's actors, as the popup does. */
  async function askPageActors(
    page: Page,
  ): Promise<{ active: boolean; actors: { actorId: string; count: number }[]; answerMs: number }> {
    const tabId = await tabIdOf(page);
    const asked = Date.now();
    const answer = await ext.serviceWorker.evaluate(
      async ({ tabId, timeout }) => {
        const api = (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object, o: object): Promise<unknown> } } })
          .chrome;
        const answer = await Promise.race([
          api.tabs.sendMessage(tabId, { type: 'get-page-actors' }, { frameId: 0 }),
          new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeout} ms`)), timeout)),
        ]);
        return answer as { active: boolean; actors: { actorId: string; count: number }[] };
      },
      { tabId, timeout: ANSWER_TIMEOUT_MS },
    );
    return { ...answer, answerMs: Date.now() - asked };
  }

  async function expectResponsiveAndBounded(
    page: Page,
    name: string,
    controlPage: Page,
    doc: Doc = page,
  ): Promise<ScanFigures> {
    const answer = await askPageActors(page);
    expect(answer.active).toBe(true);
    expect(answer.actors.reduce((sum, a) => sum + a.count, 0)).toBeGreaterThan(0);
    await newTextGetsMarked(doc);
    const withoutMs = await controlPage.evaluate(() =>
      Math.round(Math.max(0, ...((window as unknown as { __longTasks?: number[] }).__longTasks ?? []))),
    );
    const figure = { ...(await scanFigures(doc, name)), withoutMs, answerMs: answer.answerMs };
    figures.push(figure);
    expect(figure.measures, 'factlens:scan measures recorded on the page').toBeGreaterThan(0);
    expect(figure.totalMs).toBeLessThan(SCAN_BUDGET_MS);
    return figure;
  }

  it('a page of 100,000 text nodes', async () => {
    const { page, controlPage, errors } = await openBoth('/many-nodes.html');
    const textNodes = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let n = 0;
      while (walker.nextNode()) n++;
      return n;
    });
    expect(textNodes).toBeGreaterThanOrEqual(100_000);
    // 200 paragraphs carry a mention of Idlib: all get marked, in slices, over time.
    expect(await waitForMarksIn(page, 200)).toBeGreaterThanOrEqual(200);
    await expectSameAsWithout(page, controlPage);
    await expectResponsiveAndBounded(page, 'many-nodes', controlPage);
    expect(errors).toEqual([]);
    await Promise.all([page.close(), controlPage.close()]);
  });

  it('a page nested 5,000 levels deep', async () => {
    const { page, controlPage, errors } = await openBoth('/deep.html');
    const depth = await page.evaluate(() => {
      let el: Element | null = document.getElementById('root');
      let d = 0;
      while (el?.lastElementChild) {
        el = el.lastElementChild;
        d++;
      }
      return d;
    });
    expect(depth).toBe(5000);
    // Levels 500, 1000, … 5000 each mention Idlib.
    expect(await waitForMarksIn(page, 10)).toBeGreaterThanOrEqual(10);
    await expectSameAsWithout(page, controlPage);
    await expectResponsiveAndBounded(page, 'deep', controlPage);
    expect(errors).toEqual([]);
    await Promise.all([page.close(), controlPage.close()]);
  });

  it('a page mutating about 1,000 times a second for 3 seconds', async () => {
    const { page, controlPage, errors } = await openBoth('/mutating.html');
    const rateOf = (p: Page) => p.evaluate(() => (window as unknown as { __mutationRate: number }).__mutationRate);
    const [rate, controlRate] = await Promise.all([rateOf(page), rateOf(controlPage)]);
    console.log(`mutating page: ${rate} mutations/s with Factlens, ${controlRate} without (both browsers at once)`);
    expect(rate).toBeGreaterThan(0);
    // After the storm: the 200 paragraphs left each mention Idlib, and every one of them is marked.
    expect(await waitForMarksIn(page, 201)).toBeGreaterThanOrEqual(201);
    // And no mark is left on text the page removed (each would hold a detached node alive).
    await page.waitForFunction(
      () => {
        for (const [name, h] of CSS.highlights as unknown as Map<string, Iterable<AbstractRange>>) {
          if (!name.startsWith('factlens')) continue;
          for (const r of h) if (!r.startContainer.isConnected || !r.endContainer.isConnected) return false;
        }
        return true;
      },
      undefined,
      { timeout: MARK_TIMEOUT_MS, polling: 200 },
    );
    await expectSameAsWithout(page, controlPage);
    await expectResponsiveAndBounded(page, 'mutating', controlPage);
    expect(errors).toEqual([]);
    await Promise.all([page.close(), controlPage.close()]);
  });

  it('a page with a strict Content-Security-Policy', async () => {
    const { page, controlPage, errors } = await openBoth('/csp.html');
    expect(await waitForMarksIn(page, 1)).toBeGreaterThanOrEqual(1);
    await expectSameAsWithout(page, controlPage);
    // Hover a mention: the card (and its styles) must come up without breaking the page's policy.
    const point = await page.evaluate(() => {
      for (const [name, h] of CSS.highlights as unknown as Map<string, Iterable<AbstractRange>>) {
        if (!name.startsWith('factlens')) continue;
        for (const r of h) {
          const range = new Range();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const rect = range.getBoundingClientRect();
          if (rect.width > 0) return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        }
      }
      return null;
    });
    expect(point).not.toBeNull();
    await page.mouse.move(1, 1);
    await page.mouse.move(point!.x, point!.y, { steps: 3 });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('*')].some(
          (el) =>
            el.localName.startsWith('factlens-') &&
            (el.shadowRoot?.querySelector('[role="dialog"]')?.getBoundingClientRect().height ?? 0) > 0,
        ),
      undefined,
      { timeout: 10_000 },
    );
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(violations).toEqual([]);
    await expectResponsiveAndBounded(page, 'csp', controlPage);
    expect(errors).toEqual([]);
    await Promise.all([page.close(), controlPage.close()]);
  });

  it('same-origin and cross-origin iframes are marked too', async () => {
    const { page, controlPage, errors } = await openBoth('/frames.html');
    const frameOf = (p: Page, origin: string) => {
      const f = p.frames().find((fr) => fr !== p.mainFrame() && fr.url().startsWith(origin));
      if (!f) throw new Error(`no frame from ${origin}`);
      return f;
    };
    await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
    const waitFrames = async (p: Page) => {
      for (const fr of await Promise.all([p.waitForSelector('#same'), p.waitForSelector('#cross')])) {
        const f = await fr.contentFrame();
        await f?.waitForLoadState('load');
      }
    };
    await Promise.all([waitFrames(page), waitFrames(controlPage)]);
    const frames = {
      top: [page.mainFrame(), controlPage.mainFrame()],
      same: [frameOf(page, server.origin), frameOf(controlPage, server.origin)],
      cross: [frameOf(page, crossServer.origin), frameOf(controlPage, crossServer.origin)],
    } as const;
    for (const [name, [mine, theirs]] of Object.entries(frames)) {
      expect(await waitForMarksIn(mine, 1), `marks in the ${name} frame`).toBeGreaterThanOrEqual(1);
      await expectSameAsWithout(mine, theirs);
    }
    await expectResponsiveAndBounded(page, 'frames/top', controlPage);
    await newTextGetsMarked(frames.cross[0]);
    figures.push(await scanFigures(frames.cross[0], 'frames/cross'));
    expect(errors).toEqual([]);
    await Promise.all([page.close(), controlPage.close()]);
  });

  it("a page's own CSS.highlights survive marking and switching Factlens off and on", async () => {
    const { page, controlPage, errors } = await openBoth('/own-highlight.html');
    await waitForMarksIn(page, 1);
    const pageOwn = () =>
      page.evaluate(() => {
        const w = window as unknown as { __pageNote: Highlight; __pageLate: Highlight };
        return {
          note: CSS.highlights.get('page-note') === w.__pageNote && w.__pageNote.size === 1,
          late: CSS.highlights.get('page-late') === w.__pageLate && w.__pageLate.size === 1,
          names: [...(CSS.highlights as unknown as Map<string, unknown>).keys()].filter((n) => !n.startsWith('factlens')),
        };
      });
    const intact = { note: true, late: true, names: ['page-note', 'page-late'] };
    expect(await pageOwn()).toEqual(intact);
    await expectSameAsWithout(page, controlPage);

    const setEnabled = (enabled: boolean) => ext.serviceWorker.evaluate(writeEnabledSetting, enabled);
    try {
      await setEnabled(false);
      await page.waitForFunction(
        () => ![...(CSS.highlights as unknown as Map<string, { size: number }>)].some(([n, h]) => n.startsWith('factlens') && h.size > 0),
        undefined,
        { timeout: 10_000 },
      );
      expect(await pageOwn()).toEqual(intact);
    } finally {
      await setEnabled(true);
    }
    await waitForMarksIn(page, 1);
    expect(await pageOwn()).toEqual(intact);
    await expectResponsiveAndBounded(page, 'own-highlight', controlPage);
    expect(await pageOwn()).toEqual(intact);
    expect(errors).toEqual([]);
    await Promise.all([page.close(), controlPage.close()]);
  });

  it('makes no request of its own across all these pages (nor does its popup)', async () => {
    // Open the popup for a page too, so its requests (if any) are seen.
    const page = await ext.page();
    await page.goto(server.url('/csp.html'));
    await waitForMarksIn(page, 1);
    const popup = await ext.openPopup(await tabIdOf(page));
    await popup.waitForLoadState('load');
    await askPageActors(page);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await Promise.all([popup.close(), page.close()]);

    const extensionOrigin = `chrome-extension://${ext.extensionId}/`;
    const served = new Set([
      ...Object.keys(routes).map((p) => server.url(p)),
      ...Object.keys(crossRoutes).map((p) => crossServer.url(p)),
    ]);
    // The tests' own pages, and the extension's packaged files (never the network), and nothing else.
    const packaged = (url: string) => url.startsWith(extensionOrigin);
    const foreign = contextRequests.filter((r) => !served.has(r.url) && !packaged(r.url));
    expect(foreign).toEqual([]);
    // Nothing the extension's own pages or service worker fetched from anywhere but its package.
    const fromExtension = contextRequests.filter(
      (r) => (r.from === 'service-worker' || r.from.startsWith(extensionOrigin)) && !r.url.startsWith(extensionOrigin),
    );
    expect(fromExtension).toEqual([]);
    // The servers saw only the pages and files the tests asked for (and the browser's favicon probe).
    const unexpected = [...server.requests, ...crossServer.requests]
      .map((r) => r.url)
      .filter((u) => u !== '/favicon.ico' && !(u in routes) && !(u in crossRoutes));
    expect(unexpected).toEqual([]);
    expect(contextRequests.length).toBeGreaterThan(0);
  });
});
