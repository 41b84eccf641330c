// The content app's thin extension API (utils/page/content-browser.ts): runtime.onMessage listeners that
// answer with a promise, over Chrome's callback-style event, as webextension-polyfill did.
import { describe, expect, it, vi } from 'vitest';
import { promiseOnMessage } from '../../utils/page/content-browser';

type Raw = (m: unknown, s: unknown, respond: (a: unknown) => void) => boolean | undefined;

function rawEvent() {
  const listeners = new Set<Raw>();
  return {
    addListener: (l: Raw) => void listeners.add(l),
    removeListener: (l: Raw) => void listeners.delete(l),
    hasListener: (l: Raw) => listeners.has(l),
    listeners,
    /** Chrome's dispatch: each listener with a sendResponse; true keeps the channel open. */
    fire(message: unknown) {
      const answers: unknown[] = [];
      const kept = [...listeners].map((l) => l(message, {}, (a) => answers.push(a)));
      return { kept, answers };
    },
  };
}

describe('onMessage with promise answers', () => {
  it('a promise is answered through sendResponse, and the channel is kept open', async () => {
    const raw = rawEvent();
    const onMessage = promiseOnMessage(raw);
    onMessage.addListener((m) => Promise.resolve({ echo: m }));
    const { kept, answers } = raw.fire('hi');
    expect(kept).toEqual([true]);
    await Promise.resolve();
    await Promise.resolve();
    expect(answers).toEqual([{ echo: 'hi' }]);
  });

  it('a listener that does not answer leaves the message to others', () => {
    const raw = rawEvent();
    const onMessage = promiseOnMessage(raw);
    onMessage.addListener(() => undefined);
    expect(raw.fire('x').kept).toEqual([false]);
  });

  it("a rejection or a throw goes back in the polyfill's error shape", async () => {
    const raw = rawEvent();
    const onMessage = promiseOnMessage(raw);
    onMessage.addListener(() => Promise.reject(new Error('nope')));
    onMessage.addListener(() => {
      throw new Error('thrown');
    });
    const { kept, answers } = raw.fire('x');
    expect(kept).toEqual([true, true]);
    await new Promise((r) => setTimeout(r, 0));
    expect(answers).toEqual([
      { __mozWebExtensionPolyfillReject__: true, message: 'nope' },
      { __mozWebExtensionPolyfillReject__: true, message: 'thrown' },
    ]);
  });

  it('removeListener removes the wrapped listener; adding twice registers once', () => {
    const raw = rawEvent();
    const onMessage = promiseOnMessage(raw);
    const listener = vi.fn(() => undefined);
    onMessage.addListener(listener);
    onMessage.addListener(listener);
    expect(raw.listeners.size).toBe(1);
    expect(onMessage.hasListener(listener as never)).toBe(true);
    onMessage.removeListener(listener);
    expect(raw.listeners.size).toBe(0);
    raw.fire('x');
    expect(listener).not.toHaveBeenCalled();
  });
});
