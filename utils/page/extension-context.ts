// This copy of the content script's life, in place of WXT's ContentScriptContext: WXT's context can be
// stopped by any page (its "content script started" CustomEvent is built from the extension id, public in
// Firefox) and notices an extension reload only when `isInvalid` is read. Here nothing the page dispatches
// is listened to, and invalidation (reload, update, disable, uninstall) is noticed actively:
// - a port to the background, whose onDisconnect fires at once when the extension goes away;
// - `runtime.id` read before each use of an extension API and on a low-frequency tick (the port also
//   closes when an idle service worker stops, which is not an invalidation and is not reconnected, so as
//   not to wake the worker: the tick covers that time);
// - a synchronous throw of an extension API ("Extension context invalidated"), caught by `use`.
// Everything registered with onInvalidated runs once, at once; nothing is thrown into the page.
import { browser } from 'wxt/browser';

/** The port's name (the background holds it open; see utils/background/reinject.ts). */
export const ALIVE_PORT = 'factlens-alive';
/** How often the tick runs (ms): reads runtime.id and runs the tick hooks (highlights, designMode). */
export const TICK_MS = 1000;

export interface ExtensionContext {
  /** Whether the extension is still there (reading it may notice an invalidation and run the hooks). */
  readonly valid: boolean;
  /** Runs `cb` once when this copy is invalidated (at once if it already is). Returns unsubscribe. */
  onInvalidated(cb: () => void): () => void;
  /** Calls an extension API: `fallback` instead when invalid, or when the API throws synchronously. */
  use<T>(call: () => T, fallback: T): T;
  /** Runs `cb` on each tick while valid. Returns unsubscribe. */
  onTick(cb: () => void): () => void;
  /** Runs `cb` when the page's address changes (single-page apps). Returns unsubscribe. */
  onLocationChange(cb: () => void): () => void;
  /** Marks this copy invalid and runs the hooks (also for tests and for a newer copy taking over). */
  invalidate(): void;
}

const runtimeAlive = (): boolean => {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
};

export function createExtensionContext(win: Window & typeof globalThis = window): ExtensionContext {
  let invalid = false;
  const hooks = new Set<() => void>();
  const ticks = new Set<() => void>();
  const locationHooks = new Set<() => void>();
  let lastHref = win.location.href;
  let port: { disconnect(): void } | null = null;

  const checkLocation = () => {
    if (invalid || win.location.href === lastHref) return;
    lastHref = win.location.href;
    for (const cb of [...locationHooks]) cb();
  };

  const invalidate = () => {
    if (invalid) return;
    invalid = true;
    win.clearInterval(timer);
    nav?.removeEventListener('currententrychange', checkLocation);
    win.removeEventListener('popstate', checkLocation);
    try {
      port?.disconnect();
    } catch {
      /* already gone */
    }
    for (const cb of [...hooks]) {
      try {
        cb();
      } catch (error) {
        console.debug('Factlens: cleanup failed', error);
      }
    }
    hooks.clear();
    ticks.clear();
    locationHooks.clear();
  };

  const valid = () => {
    if (!invalid && !runtimeAlive()) invalidate();
    return !invalid;
  };

  const timer = win.setInterval(() => {
    if (!valid()) return;
    checkLocation(); // where the Navigation API is missing (Firefox 153 has none)
    for (const cb of [...ticks]) cb();
  }, TICK_MS);

  // Address changes: the Navigation API's event (a page's synthetic one only makes us compare addresses).
  const nav = (win as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('currententrychange', checkLocation);
  win.addEventListener('popstate', checkLocation);

  try {
    const p = browser.runtime.connect({ name: ALIVE_PORT });
    p.onDisconnect.addListener(() => {
      port = null;
      valid();
    });
    port = p;
  } catch {
    invalidate();
  }

  return {
    get valid() {
      return valid();
    },
    onInvalidated(cb) {
      if (invalid) {
        cb();
        return () => {};
      }
      hooks.add(cb);
      return () => hooks.delete(cb);
    },
    use(call, fallback) {
      if (!valid()) return fallback;
      try {
        return call();
      } catch (error) {
        if (!valid()) return fallback;
        throw error;
      }
    },
    onTick(cb) {
      ticks.add(cb);
      return () => ticks.delete(cb);
    },
    onLocationChange(cb) {
      locationHooks.add(cb);
      return () => locationHooks.delete(cb);
    },
    invalidate,
  };
}

/** The running copy in this frame's content-script world (never visible to the page's own scripts). */
const INSTANCE_KEY = Symbol.for('factlens.instance');

/**
 * Claims this frame for a new copy of the script. Returns false when a live copy already runs here (the
 * background re-injects into open tabs after an update; a frame whose declared script already ran keeps it);
 * an invalidated copy is told to clean up and replaced.
 */
export function claimFrame(ctx: ExtensionContext, scope: object = globalThis): boolean {
  const slot = scope as { [INSTANCE_KEY]?: ExtensionContext };
  const previous = slot[INSTANCE_KEY];
  if (previous && previous !== ctx && previous.valid) return false;
  previous?.invalidate();
  slot[INSTANCE_KEY] = ctx;
  return true;
}
