// The content script proper, in every frame: a loader that decides, before anything heavy is fetched,
// whether this frame has anything to mark, and only then imports the app (entrypoints/content-app.ts, an
// ES module among the web-accessible resources, run in this content script's isolated world like the card's
// module). The top frame loads it at once (it also answers the popup, the side panel and the badge, marks or
// not). Any other frame with too little text (an ad, a widget, an empty about:blank) gets one
// MutationObserver, batched, that checks again when its document changes, and nothing else.
// Where the app loads, the loader also begins the frame's one storage read (settings and packs) at once, so it
// runs while the app module is fetched and evaluated instead of after it (on a page with a 28,000-alias pack,
// the read waited 20-230 ms behind the import). A frame other than the top one starts when its event loop is
// idle (at most IDLE_TIMEOUT_MS later): frames of the page's own origin share the top frame's thread, and the
// document the reader reads is marked first.
// No extension API wrapper, no WXT context: only `runtime.id` (is this copy still the extension's) and
// `runtime.getURL`, read from the browser's own object; nothing the page dispatches is listened to.
import { FRAME_KEYS } from '../storage-keys';
import { hasTextWorthReading } from './frame-text';

/** The app module's address inside the extension. */
export const CONTENT_APP_PATH = '/content-app.js';

/** What the app module exports (entrypoints/content-app.ts). */
export interface ContentAppModule {
  /**
   * Starts Factlens in this frame (a frame that already runs a live copy keeps it). `stored`: the frame's
   * storage.local read of FRAME_KEYS, begun by the loader (undefined: the app reads them itself).
   */
  start(stored?: Promise<Record<string, unknown>>): Promise<void>;
}

/** How long after a change the frame is checked again (changes in between count once). */
export const RECHECK_MS = 200;

/** The longest a frame other than the top one waits for an idle moment before its app loads. */
export const IDLE_TIMEOUT_MS = 1000;

interface Runtime {
  id?: string;
  getURL(path: string): string;
}

interface ExtensionApi {
  runtime?: Runtime;
  storage?: { local?: { get(keys: string[]): Promise<Record<string, unknown>> } };
}

/** The extension's API, from the browser's own object (Firefox: `browser`, Chrome: `chrome`). */
function api(): ExtensionApi | undefined {
  const g = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return g.browser?.runtime ? g.browser : g.chrome;
}

const runtime = () => api()?.runtime;

/** The frame's storage read (settings and packs), or undefined where it cannot begin (the app then reads). */
function readFrameStorage(): Promise<Record<string, unknown>> | undefined {
  try {
    const read = api()?.storage?.local?.get([...FRAME_KEYS]);
    // A rejection is the app's to handle (its defaults); never an unhandled one in this frame meanwhile.
    read?.catch(() => undefined);
    return read;
  } catch {
    return undefined; // orphaned: storage throws synchronously
  }
}

/** The app's address, or null once this copy is orphaned (getURL then throws, synchronously). */
function appUrl(): string | null {
  try {
    const r = runtime();
    return r?.id ? r.getURL(CONTENT_APP_PATH) : null;
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
}

const isTop = (win: Window): boolean => {
  try {
    return win.top === win;
  } catch {
    return false;
  }
};

/** Runs the loader in `win`: the app now, or once the frame has text worth reading (never, if it never does). */
export function startLoader(options: LoaderOptions = {}): void {
  const win = options.win ?? window;
  const doc = win.document;
  const url = options.url ?? appUrl;
  const readStorage = options.readStorage ?? readFrameStorage;
  const top = options.top ?? isTop(win);
  // The module's default export is what entrypoints/content-app.ts's main() returns (WXT's unlisted script).
  const importApp =
    options.importApp ?? ((u: string) => (import(/* @vite-ignore */ u) as Promise<{ default: ContentAppModule }>).then((m) => m.default));
  let observer: MutationObserver | null = null;
  let timer: number | undefined;

  const stopWatching = () => {
    observer?.disconnect();
    observer = null;
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
  };

  const load = () => {
    stopWatching();
    const address = url();
    if (address === null) return; // the extension was reloaded or removed: this copy does nothing
    // Nothing reaches the page: a failed import (extension gone) or start is logged in our console only.
    const stored = readStorage();
    importApp(address)
      .then((app) => app.start(stored))
      .catch((error: unknown) => console.debug('Factlens: the content app did not start', error));
  };

  if (top) return load();
  // Another frame: when its thread is idle (a browser without requestIdleCallback: now).
  const loadWhenIdle = () => {
    stopWatching();
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(load, { timeout: IDLE_TIMEOUT_MS });
    else load();
  };
  if (hasTextWorthReading(doc)) return loadWhenIdle();

  const recheck = () => {
    timer = undefined;
    if (url() === null) return stopWatching(); // orphaned: stop watching for good
    if (hasTextWorthReading(doc)) loadWhenIdle();
  };
  observer = new win.MutationObserver(() => {
    timer ??= win.setTimeout(recheck, RECHECK_MS);
  });
  // The whole document: a body replaced or filled in later (about:blank frames written by their parent).
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
}
