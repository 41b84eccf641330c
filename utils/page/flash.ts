// "Which mark is it": the panel's chosen mention is emphasised for a moment with a CSS highlight of its own
// (FLASH_HIGHLIGHT, painted by a ::highlight() rule in the content CSS, utils/page/mark-styles.ts), so the
// page's DOM is never touched. Without the Custom Highlight API (the wrap fallback) nothing flashes: the
// scroll alone shows the mention.

/** The CSS.highlights name of the flash; its rule is in entrypoints/content/style.css. */
export const FLASH_HIGHLIGHT = 'factlens-flash';
/** How long the flash holds, in ms. */
export const FLASH_MS = 1500;

let timer: ReturnType<typeof setTimeout> | undefined;

/** Paints `range` with the flash for `ms`, replacing any flash still showing. Returns whether it could. */
export function flashRange(range: Range, ms = FLASH_MS, win: Window & typeof globalThis = window): boolean {
  const registry = win.CSS?.highlights;
  if (!registry || typeof win.Highlight !== 'function') return false;
  const highlight = new win.Highlight(range);
  // Above the marks' own highlights (priority 0), whichever was registered first.
  highlight.priority = 10;
  registry.set(FLASH_HIGHLIGHT, highlight);
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    if (registry.get(FLASH_HIGHLIGHT) === highlight) registry.delete(FLASH_HIGHLIGHT);
  }, ms);
  return true;
}
