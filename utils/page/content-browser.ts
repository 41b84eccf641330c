// The extension API for the content app, in place of webextension-polyfill (wxt.config.ts aliases
// `wxt/browser` to this file in the content app's build only; about 2.5 KB gzip and a Proxy over every
// namespace, built in each frame with text). Firefox's own `browser` is used as it is. On Chrome, `chrome.*`
// already returns promises (MV3); the one thing the polyfill did that the content app needs is
// runtime.onMessage listeners that answer by returning a promise: wrapped here the way the polyfill does
// (the answer through sendResponse; a rejection as the polyfill's error shape, which the polyfill on the
// sending side turns back into a rejection).
type Listener = (message: unknown, sender: unknown) => unknown;
type RawListener = (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => boolean | undefined;
interface RawEvent {
  addListener(l: RawListener): void;
  removeListener(l: RawListener): void;
  hasListener(l: RawListener): boolean;
}
type Api = { runtime: { onMessage: RawEvent } & Record<string, unknown> } & Record<string, unknown>;

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as { then?: unknown } | null)?.then === 'function';

/** A runtime.onMessage whose listeners may return a promise of their answer. */
export function promiseOnMessage(raw: RawEvent): RawEvent & { addListener(l: Listener): void; removeListener(l: Listener): void } {
  const wrapped = new Map<Listener, RawListener>();
  return {
    addListener(listener: Listener) {
      if (wrapped.has(listener)) return;
      const w: RawListener = (message, sender, sendResponse) => {
        let result: unknown;
        try {
          result = listener(message, sender);
        } catch (error) {
          result = Promise.reject(error);
        }
        if (!isThenable(result)) return false; // no answer from this listener: another may give one
        Promise.resolve(result).then(sendResponse, (error: unknown) =>
          sendResponse({ __mozWebExtensionPolyfillReject__: true, message: error instanceof Error ? error.message : 'An unexpected error occurred' }),
        );
        return true; // the answer comes later
      };
      wrapped.set(listener, w);
      raw.addListener(w);
    },
    removeListener(listener: Listener) {
      const w = wrapped.get(listener);
      if (!w) return;
      wrapped.delete(listener);
      raw.removeListener(w);
    },
    hasListener: (listener: Listener) => wrapped.has(listener),
  } as RawEvent & { addListener(l: Listener): void; removeListener(l: Listener): void };
}

function chromeBrowser(chrome: Api): Api {
  const onMessage = promiseOnMessage(chrome.runtime.onMessage);
  // runtime: chrome's own object, onMessage replaced; every other namespace as it is.
  const runtime = new Proxy(chrome.runtime, { get: (target, key) => (key === 'onMessage' ? onMessage : Reflect.get(target, key)) });
  return new Proxy(chrome, { get: (target, key) => (key === 'runtime' ? runtime : Reflect.get(target, key)) });
}

const g = globalThis as { browser?: Api; chrome?: Api };
// Outside an extension (unit tests of this file) there is neither: nothing to wrap.
export const browser = (g.browser?.runtime ? g.browser : g.chrome?.runtime ? chromeBrowser(g.chrome) : undefined) as unknown as typeof import('webextension-polyfill');
export default browser;
