// Pages where browsers never run an extension's content scripts: their own pages and their add-on stores.
const STORE_PAGES = [
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/chromewebstore\.google\.com\//i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
  /^https:\/\/addons\.mozilla\.org\//i,
];

/** True when no content script can run on this address (so the page cannot be asked anything). */
export function isRestrictedUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return true; // chrome://, about:, edge://, file:// (not in our matches), extension pages…
  return STORE_PAGES.some((re) => re.test(url));
}

/** The hostname of an address, or '' when it has none. */
export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
