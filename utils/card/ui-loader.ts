// Loads the card UI bundle (entrypoints/card-ui.ts: Preact, Floating UI, the Card) from the extension on
// the first card open, so the content script that runs on every page stays small. A module imported from
// a content script runs in the content script's own isolated world (Chromium and Firefox), not the page's;
// the file is a web-accessible resource (see wxt.config.ts), which a page's CSP does not block.
import { browser } from 'wxt/browser';
import type { CardUiModule, CreateCardView } from './view-types';

export const CARD_UI_PATH = '/card-ui.js';

let loading: Promise<CreateCardView> | null = null;

export function loadCardView(): Promise<CreateCardView> {
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL(CARD_UI_PATH as '/card-ui.js')).then(
    (module: { default: CardUiModule }) => module.default.createCardView,
    (error: unknown) => {
      loading = null; // a later open tries again
      throw error;
    },
  );
  return loading;
}
