// @vitest-environment happy-dom
// The content script's loader (utils/page/app-loader.ts, utils/page/frame-text.ts): the top frame imports the
// app at once; any other frame only once it holds text worth reading, checked again (batched) when its
// document changes, and when its thread is idle; an orphaned copy (extension reloaded or removed) imports
// nothing and stops watching. The frame's storage read begins with the import and is handed to the app.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_APP_PATH, IDLE_TIMEOUT_MS, RECHECK_MS, startLoader, type ContentAppModule } from '../../utils/page/app-loader';
import { hasTextWorthReading, MIN_FRAME_TEXT } from '../../utils/page/frame-text';

const AD = '<div><span>Advertisement</span> <a href="#">Shop now</a></div>';
const SENTENCE = '<p>Fighting continues in Idlib province while Russia answered.</p>';
const settle = (ms = RECHECK_MS + 100) => new Promise((r) => setTimeout(r, ms));

function loader(top: boolean, alive: { url: string | null } = { url: 'ext://x/content-app.js' }) {
  const imported: string[] = [];
  const events: string[] = [];
  const reads: Promise<Record<string, unknown>>[] = [];
  const given: (Promise<Record<string, unknown>> | undefined)[] = [];
  let started = 0;
  startLoader({
    top,
    url: () => alive.url,
    readStorage: () => {
      events.push('read');
      const read = Promise.resolve({ settings: { version: 1 } });
      reads.push(read);
      return read;
    },
    importApp: async (u) => {
      events.push('import');
      imported.push(u);
      await settle(5);
      const app: ContentAppModule = {
        start: async (stored) => {
          events.push('start');
          given.push(stored);
          started++;
        },
      };
      return app;
    },
  });
  return { imported, events, reads, given, started: () => started };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('whether a frame holds text worth reading', () => {
  it('counts trimmed text up to the threshold, not script or style text', () => {
    document.body.innerHTML = '';
    expect(hasTextWorthReading(document)).toBe(false);
    document.body.innerHTML = AD;
    expect(hasTextWorthReading(document)).toBe(false);
    document.body.innerHTML = `${AD}<script>${'var advertisement = 1;'.repeat(20)}</script><style>${'p{color:red}'.repeat(20)}</style>`;
    expect(hasTextWorthReading(document)).toBe(false);
    document.body.innerHTML = `<p>${'   \n'.repeat(50)}</p>`;
    expect(hasTextWorthReading(document)).toBe(false);
    document.body.innerHTML = SENTENCE;
    expect(hasTextWorthReading(document)).toBe(true);
    document.body.innerHTML = `<p>${'x'.repeat(MIN_FRAME_TEXT - 1)}</p>`;
    expect(hasTextWorthReading(document)).toBe(false);
    document.body.innerHTML = `<p>${'x'.repeat(MIN_FRAME_TEXT - 1)}</p><p>y</p>`;
    expect(hasTextWorthReading(document)).toBe(true);
  });
});

describe('the loader', () => {
  it('imports the app at once in the top frame, text or not, and starts it', async () => {
    const l = loader(true);
    await settle(10);
    expect(l.imported).toEqual(['ext://x/content-app.js']);
    expect(l.started()).toBe(1);
    expect(CONTENT_APP_PATH).toBe('/content-app.js');
  });

  it('begins the frame\'s storage read with the import, not after it, and hands it to the app', async () => {
    const l = loader(true);
    expect(l.events).toEqual(['read', 'import']); // both begun before either has answered
    await settle(20);
    expect(l.events).toEqual(['read', 'import', 'start']);
    expect(l.given).toHaveLength(1);
    expect(l.given[0]).toBe(l.reads[0]);
  });

  it('another frame with text loads when its thread is idle, at most IDLE_TIMEOUT_MS later', async () => {
    const idle: { cb: () => void; timeout?: number }[] = [];
    const rIC = vi.fn((cb: () => void, opts?: { timeout?: number }) => (idle.push({ cb, timeout: opts?.timeout }), idle.length));
    const had = (window as { requestIdleCallback?: unknown }).requestIdleCallback;
    (window as { requestIdleCallback?: unknown }).requestIdleCallback = rIC;
    try {
      document.body.innerHTML = SENTENCE;
      const l = loader(false);
      await settle(20);
      expect(l.imported).toEqual([]); // not yet: the thread was never idle
      expect(idle).toHaveLength(1);
      expect(idle[0]!.timeout).toBe(IDLE_TIMEOUT_MS);
      idle[0]!.cb();
      await settle(20);
      expect(l.started()).toBe(1);
      expect(l.events).toEqual(['read', 'import', 'start']);
    } finally {
      (window as { requestIdleCallback?: unknown }).requestIdleCallback = had;
    }
  });

  it('imports the app at once in a frame with text worth reading', async () => {
    document.body.innerHTML = SENTENCE;
    const l = loader(false);
    await settle(10);
    expect(l.started()).toBe(1);
  });

  it('loads nothing in a frame with too little text, and loads once when text arrives', async () => {
    document.body.innerHTML = AD;
    const l = loader(false);
    await settle();
    expect(l.imported).toEqual([]);
    document.body.querySelector('span')!.textContent = 'Sale';
    await settle();
    expect(l.imported).toEqual([]);
    // Several changes in a row: one check, one import.
    for (let i = 0; i < 5; i++) document.body.insertAdjacentHTML('beforeend', SENTENCE);
    await settle();
    expect(l.imported).toHaveLength(1);
    expect(l.started()).toBe(1);
    document.body.insertAdjacentHTML('beforeend', SENTENCE);
    await settle();
    expect(l.imported).toHaveLength(1); // no longer watching
  });

  it('an orphaned copy imports nothing and stops watching', async () => {
    const alive: { url: string | null } = { url: 'ext://x/content-app.js' };
    const l = loader(false, alive);
    alive.url = null; // the extension was reloaded: runtime.getURL would throw
    document.body.innerHTML = SENTENCE;
    await settle();
    alive.url = 'ext://x/content-app.js';
    document.body.insertAdjacentHTML('beforeend', SENTENCE);
    await settle();
    expect(l.imported).toEqual([]);
  });

  it('a failed import or start throws nothing into the page', async () => {
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('unhandledRejection', onError);
    try {
      startLoader({ top: true, url: () => 'ext://x/content-app.js', importApp: () => Promise.reject(new Error('gone')) });
      startLoader({ top: true, url: () => 'ext://x/content-app.js', importApp: async () => ({ start: () => Promise.reject(new Error('no')) }) });
      await settle(20);
    } finally {
      process.off('unhandledRejection', onError);
    }
    expect(errors).toEqual([]);
  });
});
