// Loads the card UI bundle (entrypoints/card-ui.ts: Preact, Floating UI, the Card) from the extension on
// the first card open, so the content script that runs on every page stays small. A module imported from
// a content script runs in the content script's own isolated world (Chromium and Firefox), not the page's;
// the file is a web-accessible resource (see wxt.config.ts), which a page's CSP does not block.
import { browser } from 'wxt/browser';
import type { CardUiModule } from './view-types';

export const CARD_UI_PATH = '/card-ui.js';

let loading: Promise<CardUiModule> | null = null;

/** The bundle's address; null once the extension is gone (runtime.getURL then throws synchronously). */
function cardUiUrl(): string | null {
  try {
    return browser.runtime?.id ? browser.runtime.getURL(CARD_UI_PATH as '/card-ui.js') : null;
  } catch {
    return null;
  }
}

/** The card UI module (the view, and the built-in bases in full), imported once. */
export function loadCardModule(): Promise<CardUiModule> {
  const url = cardUiUrl();
  if (url === null) return Promise.reject(new Error('Factlens was reloaded or removed'));
  loading ??= import(/* @vite-ignore */ url).then(
    (module: { default: CardUiModule }) => module.default,
    (error: unknown) => {
      loading = null; // a later open tries again
      throw error;
    },
  );
  return loading;
}
