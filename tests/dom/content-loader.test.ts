// @vitest-environment happy-dom
// The content script's loader (utils/page/app-loader.ts, utils/page/frame-text.ts): the top frame imports the
// app at once; any other frame only once it holds text worth reading, checked again (batched) when its
// document changes; an orphaned copy (extension reloaded or removed) imports nothing and stops watching.
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_APP_PATH, RECHECK_MS, startLoader, type ContentAppModule } from '../../utils/page/app-loader';
import { hasTextWorthReading, MIN_FRAME_TEXT } from '../../utils/page/frame-text';

const AD = '<div><span>Advertisement</span> <a href="#">Shop now</a></div>';
const SENTENCE = '<p>Fighting continues in Idlib province while Russia answered.</p>';
const settle = (ms = RECHECK_MS + 100) => new Promise((r) => setTimeout(r, ms));

function loader(top: boolean, alive: { url: string | null } = { url: 'ext://x/content-app.js' }) {
  const imported: string[] = [];
  let started = 0;
  startLoader({
    top,
    url: () => alive.url,
    importApp: async (u) => {
      imported.push(u);
      const app: ContentAppModule = { start: async () => void started++ };
      return app;
    },
  });
  return { imported, started: () => started };
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
