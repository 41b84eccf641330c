// The fact-base page's address (the popup links to it, the background opens it for the card).
import { browser } from 'wxt/browser';

/** The fact-base page's address, with a deep link to one actor when given. */
export function factbasePageUrl(actorId?: string): string {
  return browser.runtime.getURL('/factbase.html') + (actorId ? `#${encodeURIComponent(actorId)}` : '');
}
