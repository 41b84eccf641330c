// The content script's wiring: the page's lifecycle (page-lifecycle.ts) in every frame, and in the top frame
// alone the message API for the popup and the badge (top-frame-api.ts).
import type { ExtensionContext } from './extension-context';
import { createPageLifecycle, type PageLifecycle, type PageLifecycleOptions } from './page-lifecycle';
import { startTopFrameApi, type TopFrameApi } from './top-frame-api';
import type { MentionIndex, ShowMentionHook } from './types';

export interface ContentAppOptions extends PageLifecycleOptions {
  /** The card (or anything else) that opens on a mention shown from the popup or the keyboard. */
  onShowMention?: ShowMentionHook;
  /** Given the top frame's answer to messages at once, before the first await (the loader hands it the first one). */
  onReceiver?: (receive: (message: unknown) => Promise<unknown> | undefined) => void;
}

export interface ContentApp {
  /** The current index (null while Factlens is off on this page). */
  index(): MentionIndex | null;
  stop(): void;
}

const isTopFrame = () => {
  try {
    return window.top === window;
  } catch {
    return false;
  }
};

export async function startContentApp(ctx: ExtensionContext, options: ContentAppOptions): Promise<ContentApp> {
  // The top frame's listener is registered before the first await (settings, compile), so a message sent as
  // soon as the page loads finds it; it answers once the page is ready.
  let ready!: { resolve(page: PageLifecycle): void; reject(error: unknown): void };
  const pageReady = new Promise<PageLifecycle>((resolve, reject) => (ready = { resolve, reject }));
  const api: TopFrameApi | null = isTopFrame() ? startTopFrameApi(pageReady, { ctx, onShowMention: options.onShowMention }) : null;
  if (api) {
    options.onReceiver?.(api.receive);
    ctx.onInvalidated(() => api.stop());
  }
  let page: PageLifecycle;
  try {
    page = await createPageLifecycle(ctx, options, (event) => api?.pageEvent(event));
  } catch (error) {
    ready.reject(error);
    api?.stop();
    throw error;
  }
  ready.resolve(page);
  const app: ContentApp = {
    index: () => page.index(),
    stop: () => {
      page.stop();
      api?.stop();
    },
  };
  // Extension updated, reloaded or disabled: this copy of the script stops at once, leaving no mark and no
  // listener (runtime.onMessage and storage listeners of a dead context are not called again anyway).
  ctx.onInvalidated(() => app.stop());
  if (ctx.valid) page.begin();
  return app;
}
