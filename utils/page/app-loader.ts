// The content script proper, in every frame: a loader that decides, before anything heavy is fetched,
// whether this frame has anything to mark, and only then imports the app (entrypoints/content-app.ts, an
// ES module among the web-accessible resources, run in this content script's isolated world like the card's
// module; other frames import its copy, entrypoints/content-app-frame.ts). It decides in two steps:
// 1. A frame other than the top one with too little text (an ad, a widget, an empty about:blank) waits for
//    its document to change (frame-text.ts); the top frame goes on at once.
// 2. The frame's words are read against the gate the background stored with the frames' record
//    (utils/engine/word-gate.ts, frame-words.ts): a frame whose text names no actor in force (most pages) loads nothing.
//    A missing or stale gate (first run, an update not yet synced) loads the app, which decides.
// A frame left waiting keeps one MutationObserver, batched (its documents and the open shadow roots met), that
// reads what was added, and one storage listener for a new gate; the top frame also listens for the
// extension's messages (the popup, the side panel, the keyboard commands): the first one loads the app and
// is handed to it (ContentAppModule.receive), so the popup sees the page as the app sees it.
// Where the app loads, the loader also begins the frame's one storage read (settings and packs) at once, so it
// runs while the app module is fetched and evaluated instead of after it (on a page with a 28,000-alias pack,
// the read waited 20-230 ms behind the import). A frame other than the top one starts when its event loop is
// idle (at most IDLE_TIMEOUT_MS later): frames of the page's own origin share the top frame's thread, and the
// document the reader reads is marked first.
// No extension API wrapper, no WXT context: only `runtime` (id, getURL, onMessage) and `storage.local`, read
// from the browser's own object; nothing the page dispatches is listened to.
import { FRAME_GATE_KEY, FRAME_KEYS } from '../storage-keys';
import { BUILT_IN_STAMP } from '../factbase/generated/stamp';
import { parseContentMessage } from '../content-message';
import { hasTextWorthReading } from './frame-text';
import { FrameWordsRead } from './frame-words';
import { gateStamp, readStoredGate, type WordGate } from '../engine/word-gate';

/** The app module's address inside the extension: the top frame's, built with V8's compile hint (wxt.config.ts)… */
export const CONTENT_APP_PATH = '/content-app.js';
/** …and the other frames' copy, without it (a page whose frames all load the app would compile all of it in each). */
export const CONTENT_APP_FRAME_PATH = '/content-app-frame.js';

/** What the app module exports (entrypoints/content-app.ts). */
export interface ContentAppModule {
  /**
   * Starts Factlens in this frame (a frame that already runs a live copy keeps it). `stored`: the frame's
   * storage.local read of FRAME_KEYS, begun by the loader (undefined: the app reads them itself). The app's
   * own message listeners are in place when it returns.
   */
  start(stored?: Promise<Record<string, unknown>>): Promise<void>;
  /** Answers a message that reached the loader before the app was loaded (undefined: not the app's). */
  receive(message: unknown): Promise<unknown> | undefined;
}

/** How long after a change the frame is checked again (changes in between count once). */
export const RECHECK_MS = 200;

/** The longest a frame other than the top one waits for an idle moment before its app loads. */
export const IDLE_TIMEOUT_MS = 1000;

/** The longest the gate's read runs before it yields to the page (then goes on in a new task). */
export const SLICE_MS = 8;

/** A listener for the extension's messages to this frame: an answer, or undefined (not ours). */
export type MessageListener = (message: unknown) => Promise<unknown> | undefined;

interface Runtime {
  id?: string;
  getURL(path: string): string;
  onMessage?: {
    addListener(listener: (message: unknown, sender: unknown, respond: (answer?: unknown) => void) => boolean | undefined): void;
    removeListener(listener: unknown): void;
  };
}

interface StorageChanges {
  addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  removeListener(listener: unknown): void;
}

interface ExtensionApi {
  runtime?: Runtime;
  storage?: { local?: { get(keys: string[]): Promise<Record<string, unknown>> }; onChanged?: StorageChanges };
}

/** The extension's API, from the browser's own object (Firefox: `browser`, Chrome: `chrome`). */
function api(): ExtensionApi | undefined {
  const g = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return g.browser?.runtime ? g.browser : g.chrome;
}

const runtime = () => api()?.runtime;

/** storage.local.get of some keys, or undefined where it cannot begin (orphaned: storage throws synchronously). */
function readLocal(keys: readonly string[]): Promise<Record<string, unknown>> | undefined {
  try {
    const read = api()?.storage?.local?.get([...keys]);
    // A rejection is handled by whoever reads it; never an unhandled one in this frame meanwhile.
    read?.catch(() => undefined);
    return read;
  } catch {
    return undefined;
  }
}

/** The frame's storage read (settings and packs), or undefined where it cannot begin (the app then reads). */
const readFrameStorage = () => readLocal(FRAME_KEYS);

/** The stored gate, or undefined when there is none to read. */
const readGate = (): Promise<unknown> => (readLocal([FRAME_GATE_KEY]) ?? Promise.resolve<Record<string, unknown>>({})).then((r) => r[FRAME_GATE_KEY]);

/** runtime.onMessage, answered through sendResponse (Chrome's content scripts take no promise from a listener). */
function listenToMessages(listener: MessageListener): () => void {
  const onMessage = runtime()?.onMessage;
  if (!onMessage) return () => {};
  const wrapped = (message: unknown, _sender: unknown, respond: (answer?: unknown) => void) => {
    const answer = listener(message);
    if (answer === undefined) return undefined;
    answer.then(respond, () => respond());
    return true;
  };
  onMessage.addListener(wrapped);
  return () => onMessage.removeListener(wrapped);
}

/** storage.onChanged for the gate's key: its new value each time it changes. */
function listenToGate(listener: (raw: unknown) => void): () => void {
  const onChanged = api()?.storage?.onChanged;
  if (!onChanged) return () => {};
  const wrapped = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && FRAME_GATE_KEY in changes) listener(changes[FRAME_GATE_KEY]!.newValue);
  };
  onChanged.addListener(wrapped);
  return () => onChanged.removeListener(wrapped);
}

/** The app's address for this frame, or null once this copy is orphaned (getURL then throws, synchronously). */
function appUrl(top: boolean): string | null {
  try {
    const r = runtime();
    return r?.id ? r.getURL(top ? CONTENT_APP_PATH : CONTENT_APP_FRAME_PATH) : null;
  } catch {
    return null;
  }
}

export interface LoaderOptions {
  win?: Window & typeof globalThis;
  /** Imports the app (default: a dynamic import of its extension URL). */
  importApp?: (url: string) => Promise<ContentAppModule>;
  /** The extension's address of the app (default: runtime.getURL; null when the extension is gone). */
  url?: () => string | null;
  /** Whether this is the tab's top frame (default: asked of `win`). */
  top?: boolean;
  /** Begins the frame's storage read (default: storage.local.get of FRAME_KEYS; undefined: none). */
  readStorage?: () => Promise<Record<string, unknown>> | undefined;
  /** Reads the stored gate (default: storage.local's FRAME_GATE_KEY). */
  readGate?: () => Promise<unknown>;
  /** Calls back with the stored gate's new value when it changes; returns the way to stop. */
  watchGate?: (listener: (raw: unknown) => void) => () => void;
  /** Listens for the extension's messages to this frame; returns the way to stop. */
  listen?: (listener: MessageListener) => () => void;
}

const isTop = (win: Window): boolean => {
  try {
    return win.top === win;
  } catch {
    return false;
  }
};

/** The gate this build of the loader can use. */
const GATE_STAMP = gateStamp(BUILT_IN_STAMP);

/** Runs the loader in `win`: the app now, or once the frame has something to mark (never, if it never does). */
export function startLoader(options: LoaderOptions = {}): void {
  const win = options.win ?? window;
  const doc = win.document;
  const readStorage = options.readStorage ?? readFrameStorage;
  const top = options.top ?? isTop(win);
  const url = options.url ?? (() => appUrl(top));
  // The module's default export is what entrypoints/content-app.ts's main() returns (WXT's unlisted script).
  const importApp =
    options.importApp ?? ((u: string) => (import(/* @vite-ignore */ u) as Promise<{ default: ContentAppModule }>).then((m) => m.default));
  let app: Promise<ContentAppModule> | null = null;
  let observer: MutationObserver | null = null;
  let timer: number | undefined;
  let stopGate: (() => void) | null = null;
  let stopMessages: (() => void) | null = null;
  /** What the observer reported since the last check: the nodes added and the texts changed. */
  let changed = new Set<Node>();

  const stopWatching = () => {
    observer?.disconnect();
    observer = null;
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
    stopGate?.();
    stopGate = null;
    changed = new Set();
  };
  // Until the app listens for itself, messages that come while it loads are handed to it too.
  const stopListening = () => {
    stopMessages?.();
    stopMessages = null;
  };

  const load = (): Promise<ContentAppModule> | null => {
    if (app) return app;
    stopWatching();
    const address = url();
    if (address === null) return null; // the extension was reloaded or removed: this copy does nothing
    // Nothing reaches the page: a failed import (extension gone) or start is logged in our console only.
    const stored = readStorage();
    const log = (error: unknown) => console.debug('Factlens: the content app did not start', error);
    app = importApp(address).then((a) => {
      a.start(stored).catch(log);
      stopListening(); // start() has put the app's own listeners in place
      return a;
    });
    app.catch((error: unknown) => {
      stopListening();
      log(error);
    });
    return app;
  };

  // Another frame: when its thread is idle (a browser without requestIdleCallback: now).
  const start = () => {
    if (top) return void load();
    stopWatching();
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => load(), { timeout: IDLE_TIMEOUT_MS });
    else load();
  };

  // The open shadow roots met while reading: their changes are not the document's, so each is observed too.
  const shadows = new Set<ShadowRoot>();
  const OBSERVED = { childList: true, subtree: true, characterData: true };
  const onShadowRoot = (root: ShadowRoot) => {
    if (shadows.has(root)) return;
    shadows.add(root);
    observer?.observe(root, OBSERVED);
  };
  const batch = (check: () => void) => {
    observer = new win.MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') changed.add(r.target);
        else for (const n of r.addedNodes) changed.add(n);
      }
      timer ??= win.setTimeout(() => {
        timer = undefined;
        if (url() === null) return stopWatching(); // orphaned: stop watching for good
        check();
      }, RECHECK_MS);
    });
    // The whole document: a body replaced or filled in later (about:blank frames written by their parent).
    observer.observe(doc, OBSERVED);
    for (const root of shadows) observer.observe(root, OBSERVED);
  };

  /**
   * Reads the nodes' words against the gate in slices of at most SLICE_MS, yielding between them (a giant page
   * naming no one is no long task), then calls back with whether one could start a mention. Measured as
   * factlens:gate, its work the slices' sum (the bench counts it as Factlens's work).
   */
  const readWords = (nodes: Node[], gate: WordGate, then: (pass: boolean) => void): void => {
    const perf = win.performance;
    const read = new FrameWordsRead(nodes, gate, onShadowRoot);
    const started = perf.now();
    let workMs = 0;
    const slice = () => {
      const t0 = perf.now();
      const step = read.step(t0 + SLICE_MS, () => perf.now());
      workMs += perf.now() - t0;
      if (step === 'more') return void win.setTimeout(slice, 0);
      try {
        perf.measure('factlens:gate', { start: started, detail: { workMs, pass: step === 'hit' } });
      } catch {
        /* no User Timing level 3: nothing to measure with */
      }
      then(step === 'hit');
    };
    slice();
  };

  // Step 2: the frame's words against the gate. Left waiting, it reads what is added against the gate, takes
  // a new gate when the background stores one, and (the top frame) loads the app for the first message.
  const checkWords = () => {
    let gate: WordGate | null = null;
    let watching = false;
    /** Starts the app unless the gate holds and none of the frame's words is one of its words; else waits. */
    const decide = (raw: unknown) => {
      const read = (gate = readStoredGate(raw, GATE_STAMP));
      if (read === null) return start();
      readWords([doc], read, (pass) => {
        if (app || read !== gate) return; // loaded meanwhile, or a newer gate is being read
        if (pass) return start();
        if (!watching && url() !== null) watch();
      });
    };
    const watch = () => {
      watching = true;
      batch(() => {
        const nodes = [...changed].filter((n) => n.isConnected);
        changed = new Set();
        const read = gate;
        if (read !== null) readWords(nodes, read, (pass) => pass && !app && start());
      });
      stopGate = (options.watchGate ?? listenToGate)((next) => {
        if (!app) decide(next);
      });
      if (top) {
        stopMessages = (options.listen ?? listenToMessages)((message) => {
          if (!parseContentMessage(message).ok) return undefined;
          return load()?.then((a) => a.receive(message));
        });
      }
    };
    (options.readGate ?? readGate)().then(
      (raw) => {
        if (!app) decide(raw);
      },
      () => start(),
    );
  };

  // Step 1, in a frame other than the top one: enough text to read.
  if (top || hasTextWorthReading(doc)) return checkWords();
  batch(() => {
    changed = new Set();
    if (!hasTextWorthReading(doc)) return;
    stopWatching();
    checkWords();
  });
}
