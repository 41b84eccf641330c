// The card's host: an element of Factlens's own (`factlens-card`) with a shadow root, styled by a
// constructable stylesheet. Created only when a card first opens; removed when Factlens turns off.
// No customElements.define: Chrome gives content scripts no custom element registry, and a valid custom
// element name may carry a shadow root without being defined. A page that defined `factlens-card` itself
// would upgrade the host with its own constructor (attachShadow then throws): such a name (`:defined`, or
// refusing a shadow root) is passed over for a per-instance random one, `factlens-card-<random>`, which
// the page cannot have defined in advance (own-nodes.ts knows every `factlens-` name).
// Where: the last child of <body>, not of <html>: React 18's hydrateRoot(document) refuses an extra node in
// <html> (and renders the whole document again on the client) but leaves extra nodes at the end of <body>
// and <head> alone; React 19 accepts both (tests/e2e/hostile-hydration.test.ts).
import { CARD_HOST_ELEMENT } from '../page/own-nodes';

/** The host's tag: Factlens's own (see utils/page/own-nodes.ts, which keeps the page's scanner off it). */
export const HOST_TAG = CARD_HOST_ELEMENT;

export interface CardHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The element Preact renders into (inside the shadow root). */
  container: HTMLElement;
  /** Puts the host where it can be seen: inside the fullscreen element when there is one. */
  place(): void;
  remove(): void;
}

export function createCardHost(doc: Document, css: string): CardHost {
  const { host, shadow } = createHostElement(doc);
  adoptStyles(shadow, css);
  const container = doc.createElement('div');
  container.className = 'root';
  shadow.append(container);
  const place = () => {
    const parent = fullscreenParent(doc) ?? doc.body ?? doc.documentElement;
    if (host.parentNode !== parent || host !== parent.lastElementChild) parent.append(host);
  };
  place();
  return {
    host,
    shadow,
    container,
    place,
    remove: () => host.remove(),
  };
}

/** A host element the page has not defined, with our shadow root. */
function createHostElement(doc: Document): { host: HTMLElement; shadow: ShadowRoot } {
  for (let attempt = 0; ; attempt++) {
    const tag = attempt === 0 ? HOST_TAG : `${HOST_TAG}-${Math.random().toString(36).slice(2, 10)}`;
    const host = doc.createElement(tag);
    if (attempt < 5 && host.matches(':defined')) continue; // the page's constructor owns this name
    try {
      // Open so that tests and assistive tools can reach in; it holds only the fact base's public text.
      return { host, shadow: host.attachShadow({ mode: 'open' }) };
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

function fullscreenParent(doc: Document): Element | null {
  const el = doc.fullscreenElement;
  // A replaced element (video, canvas, img) draws no children: the card cannot show there.
  if (!el || /^(video|canvas|img|iframe|embed|object)$/i.test(el.localName)) return null;
  return el;
}

/**
 * Adopts the stylesheet; where a browser refuses (Firefox content scripts may not assign a page array),
 * pushes onto the existing array, and as a last resort uses a <style> element.
 */
export function adoptStyles(shadow: ShadowRoot, css: string): 'adopted' | 'style-element' {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    try {
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      shadow.adoptedStyleSheets.push(sheet);
    }
    if (shadow.adoptedStyleSheets.length > 0) return 'adopted';
  } catch {
    /* fall through */
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = css;
  shadow.prepend(style);
  return 'style-element';
}

/**
 * Removes card hosts that an earlier copy of the script left behind (Firefox unloads a reloaded add-on's
 * content scripts without running their cleanup). Ours are the undefined `factlens-card…` elements; a
 * page's own defined `factlens-card` stays.
 */
export function removeStaleHosts(doc: Document): void {
  // The selector engine filters natively: a JS loop over '*' made a wrapper for every element of the page
  // (14-28 ms on the largest pages, profiled) before the first scan.
  for (const el of doc.querySelectorAll(':not(:defined)')) {
    if (el.localName.startsWith(HOST_TAG)) el.remove();
  }
}
