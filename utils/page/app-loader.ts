// The content script proper, in every frame: a loader that decides, before anything heavy is fetched,
// whether this frame has anything to mark, and only then imports the app (entrypoints/content-app.ts, an
// ES module among the web-accessible resources, run in this content script's isolated world like the card's
// module). The top frame loads it at once (it also answers the popup, the side panel and the badge, marks or
// not). Any other frame with too little text (an ad, a widget, an empty about:blank) gets one
// MutationObserver, batched, that checks again when its document changes, and nothing else.
// No extension API wrapper, no WXT context: only `runtime.id` (is this copy still the extension's) and
// `runtime.getURL`, read from the browser's own object; nothing the page dispatches is listened to.
import { hasTextWorthReading } from './frame-text';

/** The app module's address inside the extension. */
export const CONTENT_APP_PATH = '/content-app.js';

/** What the app module exports (entrypoints/content-app.ts). */
export interface ContentAppModule {
  /** Starts Factlens in this frame (a frame that already runs a live copy keeps it). */
  start(): Promise<void>;
}

/** How long after a change the frame is checked again (changes in between count once). */
export const RECHECK_MS = 200;

interface Runtime {
  id?: string;
  getURL(path: string): string;
}

/** The extension's runtime, from the browser's own object (Firefox: `browser`, Chrome: `chrome`). */
function runtime(): Runtime | undefined {
  const g = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  return g.browser?.runtime ?? g.chrome?.runtime;
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
    importApp(address)
      .then((app) => app.start())
      .catch((error: unknown) => console.debug('Factlens: the content app did not start', error));
  };

  if ((options.top ?? isTop(win)) || hasTextWorthReading(doc)) return load();

  const recheck = () => {
    timer = undefined;
    if (url() === null) return stopWatching(); // orphaned: stop watching for good
    if (hasTextWorthReading(doc)) load();
  };
  observer = new win.MutationObserver(() => {
    timer ??= win.setTimeout(recheck, RECHECK_MS);
  });
  // The whole document: a body replaced or filled in later (about:blank frames written by their parent).
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
}
