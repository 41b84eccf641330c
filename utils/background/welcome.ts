// The welcome page opens once, when Factlens is installed: not on an update, a browser update or a reload
// (runtime.onInstalled's reason says which).
import { browser } from 'wxt/browser';

export const WELCOME_PAGE = '/welcome.html';

/** Whether an onInstalled event should open the welcome page. */
export function shouldWelcome(details: { reason?: string }): boolean {
  return details.reason === 'install';
}

export function watchInstall(): void {
  browser.runtime.onInstalled.addListener((details: { reason?: string }) => {
    if (!shouldWelcome(details)) return;
    void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) }).catch((e: unknown) => {
      console.warn('Factlens: could not open the welcome page', e);
    });
  });
}
