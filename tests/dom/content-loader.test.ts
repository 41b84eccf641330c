// @vitest-environment happy-dom
// The content script's loader (utils/page/app-loader.ts, utils/page/frame-text.ts, utils/page/frame-words.ts):
// the top frame goes on at once; any other frame only once it holds text worth reading, checked again
// (batched) when its document changes, and when its thread is idle. Then the frame's words are read against
// the stored gate: none of its words, nothing loads until one is added (in the document or an open shadow
// root), a new gate lets them through, or (top frame) a message comes, which the app then answers. No gate,
// or a stale one: the app loads. An orphaned copy (extension reloaded or removed) imports nothing and stops
// watching. The frame's storage read begins with the import and is handed to the app.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_APP_FRAME_PATH, CONTENT_APP_PATH, IDLE_TIMEOUT_MS, RECHECK_MS, startLoader, type ContentAppModule, type MessageListener } from '../../utils/page/app-loader';
import { hasTextWorthReading, MIN_FRAME_TEXT } from '../../utils/page/frame-text';
import { FrameWordsRead, nodesMayMention } from '../../utils/page/frame-words';
import { gateOf } from '../../utils/engine/word-gate';
import { gateStamp, storedGate, type StoredGate } from '../../utils/engine/word-gate';
import { BUILT_IN_STAMP } from '../../utils/factbase/generated/stamp';

const AD = '<div><span>Advertisement</span> <a href="#">Shop now</a></div>';
const SENTENCE = '<p>Fighting continues in Idlib province while Russia answered.</p>';
const settle = (ms = RECHECK_MS + 100) => new Promise((r) => setTimeout(r, ms));

/** A gate of two words: "idlib" in any case, "russia" where capitalised. */
const GATE: StoredGate = storedGate(gateStamp(BUILT_IN_STAMP), ['idlib'], ['russia']);
const PROSE = '<p>The committee met on Tuesday morning to review the plans for the new library by the square.</p>';

interface Hooks {
  /** The stored gate (undefined: none stored). */
  gate?: unknown;
}

function loader(top: boolean, alive: { url: string | null } = { url: 'ext://x/content-app.js' }, hooks: Hooks = {}) {
  const imported: string[] = [];
  const events: string[] = [];
  const reads: Promise<Record<string, unknown>>[] = [];
  const given: (Promise<Record<string, unknown>> | undefined)[] = [];
  const received: unknown[] = [];
  const gateListeners: ((raw: unknown) => void)[] = [];
  const messageListeners: MessageListener[] = [];
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
    readGate: async () => hooks.gate,
    watchGate: (listener) => {
      gateListeners.push(listener);
      return () => gateListeners.splice(gateListeners.indexOf(listener), 1);
    },
    listen: (listener) => {
      messageListeners.push(listener);
      return () => messageListeners.splice(messageListeners.indexOf(listener), 1);
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
        receive: (message) => {
          received.push(message);
          return Promise.resolve({ answeredBy: 'app', started });
        },
      };
      return app;
    },
  });
  return { imported, events, reads, given, received, gateListeners, messageListeners, started: () => started };
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

  it('asks the extension for the top frame\'s app (built with the compile hint) in the top frame, the frames\' copy elsewhere', async () => {
    const g = globalThis as { chrome?: unknown };
    const had = g.chrome;
    g.chrome = { runtime: { id: 'x', getURL: (p: string) => `ext://x${p}` } };
    const had2 = (window as { requestIdleCallback?: unknown }).requestIdleCallback;
    (window as { requestIdleCallback?: unknown }).requestIdleCallback = undefined; // another frame loads at once
    try {
      document.body.innerHTML = SENTENCE;
      const imported: string[] = [];
      for (const top of [true, false]) {
        startLoader({
          top,
          readStorage: () => undefined,
          readGate: async () => undefined, // no gate: the app loads
          importApp: async (u) => (imported.push(u), { start: async () => {}, receive: () => undefined }),
        });
      }
      await settle(10);
      expect(imported).toEqual([`ext://x${CONTENT_APP_PATH}`, `ext://x${CONTENT_APP_FRAME_PATH}`]);
      expect(CONTENT_APP_FRAME_PATH).toBe('/content-app-frame.js');
    } finally {
      g.chrome = had;
      (window as { requestIdleCallback?: unknown }).requestIdleCallback = had2;
    }
  });

  it('begins the frame\'s storage read with the import, not after it, and hands it to the app', async () => {
    const l = loader(true);
    await Promise.resolve(); // the gate's read (none stored here)
    await Promise.resolve();
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
      startLoader({ top: true, url: () => 'ext://x/content-app.js', importApp: async () => ({ start: () => Promise.reject(new Error('no')), receive: () => undefined }) });
      await settle(20);
    } finally {
      process.off('unhandledRejection', onError);
    }
    expect(errors).toEqual([]);
  });
});

describe('the gate: a frame whose words name no actor in force loads nothing', () => {
  it('the top frame with none of the gate\'s words loads nothing, and loads once one is added', async () => {
    document.body.innerHTML = PROSE + '<p>Russian dolls and a russia-shaped cake.</p>'.replace('Russian', 'Wooden');
    const l = loader(true, undefined, { gate: GATE });
    await settle();
    expect(l.imported).toEqual([]); // "russia" is only ever lower case here: the gate wants it capitalised
    document.body.insertAdjacentHTML('beforeend', '<p>Talks went on in Moscow.</p>');
    await settle();
    expect(l.imported).toEqual([]);
    document.body.insertAdjacentHTML('beforeend', '<p>Fighting went on in <b>Id</b>lib.</p>');
    await settle();
    expect(l.imported).toHaveLength(1);
    expect(l.started()).toBe(1);
    expect(l.messageListeners).toHaveLength(0); // the app listens for itself now
    expect(l.gateListeners).toHaveLength(0);
  });

  it('reads the words of the page as it was, and what an edit of a text changes', async () => {
    document.body.innerHTML = PROSE;
    const l = loader(true, undefined, { gate: GATE });
    await settle();
    expect(l.imported).toEqual([]);
    document.querySelector('p')!.firstChild!.textContent = 'Later that day Russia answered.';
    await settle();
    expect(l.imported).toHaveLength(1);
  });

  it('a page that already names a gate word loads at once', async () => {
    document.body.innerHTML = PROSE + '<ul><li>Ankara</li><li>Russia</li></ul>';
    const l = loader(true, undefined, { gate: GATE });
    await settle(10);
    expect(l.imported).toHaveLength(1);
  });

  it('no gate stored, or one made by another build: the app loads and decides', async () => {
    document.body.innerHTML = PROSE;
    const none = loader(true, undefined, {});
    const stale = loader(true, undefined, { gate: { ...GATE, stamp: '0:stale' } });
    const broken = loader(true, undefined, { gate: { stamp: GATE.stamp, any: 7 } });
    await settle(20);
    expect(none.imported).toHaveLength(1);
    expect(stale.imported).toHaveLength(1);
    expect(broken.imported).toHaveLength(1);
  });

  it('a new gate (a pack turned on) that holds one of the page\'s words loads the app', async () => {
    document.body.innerHTML = PROSE;
    const l = loader(true, undefined, { gate: GATE });
    await settle();
    expect(l.gateListeners).toHaveLength(1);
    l.gateListeners[0]!(storedGate(GATE.stamp, ['idlib', 'committee'], GATE.cased));
    await settle(20);
    expect(l.imported).toHaveLength(1);
  });

  it('the top frame hands the first message to the app it loads for it, and only messages to the content script', async () => {
    document.body.innerHTML = PROSE;
    const l = loader(true, undefined, { gate: GATE });
    await settle();
    expect(l.messageListeners).toHaveLength(1);
    expect(l.messageListeners[0]!({ type: 'something-else' })).toBeUndefined();
    expect(l.imported).toEqual([]);
    const answer = await l.messageListeners[0]!({ type: 'get-page-actors' });
    expect(l.imported).toHaveLength(1);
    expect(l.received).toEqual([{ type: 'get-page-actors' }]);
    expect(answer).toEqual({ answeredBy: 'app', started: 1 }); // started before it was asked
    expect(l.messageListeners).toHaveLength(0);
  });

  it('a message that comes while the app loads is handed to it too, none after it listens for itself', async () => {
    document.body.innerHTML = PROSE;
    const l = loader(true, undefined, { gate: GATE });
    await settle();
    const listener = l.messageListeners[0]!;
    const first = listener({ type: 'get-page-actors' });
    const second = listener({ type: 'step-mention', direction: 'next' });
    expect(l.messageListeners).toHaveLength(1); // still listening while the module loads
    await Promise.all([first, second]);
    expect(l.imported).toHaveLength(1);
    expect(l.received).toEqual([{ type: 'get-page-actors' }, { type: 'step-mention', direction: 'next' }]);
    expect(l.messageListeners).toHaveLength(0);
  });

  it('another frame with text but none of the gate\'s words loads nothing and takes no message', async () => {
    document.body.innerHTML = PROSE;
    const l = loader(false, undefined, { gate: GATE });
    await settle();
    expect(l.imported).toEqual([]);
    expect(l.messageListeners).toHaveLength(0);
    document.body.insertAdjacentHTML('beforeend', '<p>Idlib again.</p>');
    await settle(RECHECK_MS + IDLE_TIMEOUT_MS + 100);
    expect(l.imported).toHaveLength(1);
  });

  it('reads open shadow roots, and watches the ones it met', async () => {
    document.body.innerHTML = PROSE + '<news-card></news-card>';
    const root = document.querySelector('news-card')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Nothing to see.</p>';
    const l = loader(true, undefined, { gate: GATE });
    await settle();
    expect(l.imported).toEqual([]);
    root.innerHTML = '<p>Shelling in Idlib.</p>';
    await settle();
    expect(l.imported).toHaveLength(1);
  });

  it('an orphaned copy left waiting imports nothing', async () => {
    document.body.innerHTML = PROSE;
    const alive: { url: string | null } = { url: 'ext://x/content-app.js' };
    const l = loader(true, alive, { gate: GATE });
    await settle();
    alive.url = null;
    document.body.insertAdjacentHTML('beforeend', '<p>Idlib again.</p>');
    await settle();
    expect(l.imported).toEqual([]);
  });
});

describe("the frame's words, read in steps (utils/page/frame-words.ts)", () => {
  const gate = gateOf(['idlib'], ['russia']);

  it('reads past the first batches of text nodes, and where nodes meet with no space', () => {
    document.body.innerHTML = Array.from({ length: 200 }, (_, i) => `<p>Paragraph ${i} of plain prose.</p>`).join('');
    expect(nodesMayMention([document], gate)).toBe(false);
    document.body.children[150]!.insertAdjacentHTML('beforeend', '<b>Rus</b>sia');
    expect(nodesMayMention([document], gate)).toBe(true);
    document.body.innerHTML = '<table><tr><td>x</td><td>Russia</td><td>y</td></tr></table>';
    expect(nodesMayMention([document], gate)).toBe(true);
  });

  it('steps over what the engine never reads (head, scripts, code, form fields), and reads on after it', () => {
    document.head.innerHTML = '<title>Idlib</title><style>.idlib{}</style>';
    document.body.innerHTML =
      '<div><p>Plain prose.<script>var Idlib = 1;</script></p><pre>Idlib</pre></div>' +
      '<section><textarea>Idlib</textarea><select><option>Idlib</option></select><code><b>Idlib</b></code></section><p>Last words.</p>';
    expect(nodesMayMention([document], gate)).toBe(false);
    // After a skipped element that ends its parent, and after one that ends the document's deepest branch.
    document.querySelector('div > p')!.insertAdjacentHTML('afterend', '<p>Shelling in Idlib.</p>');
    expect(nodesMayMention([document], gate)).toBe(true);
    document.querySelector('div > p + p')!.remove();
    document.querySelector('section')!.insertAdjacentHTML('afterend', '<p>Idlib</p>');
    expect(nodesMayMention([document], gate)).toBe(true);
    // A skipped element given as the root of a read (added by the page) reads nothing.
    expect(nodesMayMention([document.querySelector('pre')!], gate)).toBe(false);
    document.head.innerHTML = '';
  });

  it('stops when its time is up and goes on where it stopped: a giant text node in pieces', () => {
    const words = 'quiet words '.repeat(30_000); // 360,000 characters
    document.body.innerHTML = `<p id="a"></p><p id="b">tail</p>`;
    document.getElementById('a')!.textContent = words;
    let clock = 0;
    const read = new FrameWordsRead([document], gate);
    const steps: string[] = [];
    for (let s = read.step(clock, () => ++clock); ; s = read.step(clock, () => ++clock)) {
      steps.push(s);
      if (s !== 'more') break;
    }
    expect(steps.length).toBeGreaterThan(3); // yielded between pieces
    expect(steps.at(-1)).toBe('none');
    document.getElementById('b')!.textContent = 'Shelling in Idlib.';
    const again = new FrameWordsRead([document], gate);
    let last = again.step(clock, () => ++clock);
    while (last === 'more') last = again.step(clock, () => ++clock);
    expect(last).toBe('hit');
    // A name split where two pieces of the giant node meet still counts.
    document.getElementById('b')!.textContent = 'tail';
    document.getElementById('a')!.textContent = 'x'.repeat(65_536 - 3) + ' Idlib and more';
    expect(nodesMayMention([document], gate)).toBe(true);
  });

  it('reads each open shadow root met, and hands it over to be watched', () => {
    document.body.innerHTML = '<p>Plain.</p><div id="host"></div>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>In Idlib.</p>';
    const met: ShadowRoot[] = [];
    expect(nodesMayMention([document], gate, (r) => met.push(r))).toBe(true);
    expect(met).toEqual([root]);
  });
});
