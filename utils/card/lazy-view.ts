// The card's view, at hand or fetched on first use: a factory given directly (tests, fixture page) or a
// loader (the extension: ui-loader.ts) called once when a card is first wanted. A failed load leaves no view,
// and a later call tries again.
import type { CardView, CreateCardView } from './view-types';

/** The card's view: a factory at hand, or a loader called when a card is first wanted. */
export type CardViewSource = { view: CreateCardView } | { loadView(): Promise<CreateCardView> };

export interface LazyView {
  /** The view once it exists, else null. */
  current(): CardView | null;
  /** Starts loading (once); `onReady` runs when the view arrives (not after destroy). */
  load(onReady: () => void, onFailed: () => void): void;
  /** Removes the view's host; a load still running is dropped. */
  destroy(): void;
}

export function createLazyView(source: CardViewSource, doc: Document): LazyView {
  let view: CardView | null = 'view' in source ? source.view(doc) : null;
  let loading = false;
  let destroyed = false;
  return {
    current: () => view,
    load(onReady, onFailed) {
      if (view || loading || destroyed || !('loadView' in source)) return;
      loading = true;
      source.loadView().then(
        (create) => {
          loading = false;
          if (destroyed) return;
          view = create(doc);
          onReady();
        },
        () => {
          // Extension reloaded or removed under the page: no card, and a later open tries again.
          loading = false;
          onFailed();
        },
      );
    },
    destroy() {
      destroyed = true;
      view?.remove();
      view = null;
    },
  };
}
