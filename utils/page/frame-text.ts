// Whether a frame holds text worth reading: the loader's first decision (utils/page/app-loader.ts), made
// before anything else of Factlens loads in the frame. A TreeWalker with no JavaScript filter (a filter
// callback is about 17x slower) that stops as soon as it has counted enough trimmed characters; the text of
// script, style and noscript elements (an ad frame's inline scripts) does not count.

/**
 * Below this many characters a frame is not read until it changes: an ad's label and button ("Advertisement
 * Shop now", 21) stay under it, a sentence that names an actor ("Fighting continues in Idlib province while
 * Russia answered.", 58) is over it. A caption of two or three words in a frame of its own is the price.
 */
export const MIN_FRAME_TEXT = 32;

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT']);

export function hasTextWorthReading(doc: Document, min = MIN_FRAME_TEXT): boolean {
  const body = doc.body;
  if (!body) return false;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let chars = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (NOT_TEXT.has(n.parentNode?.nodeName ?? '')) continue;
    chars += n.data.trim().length;
    if (chars >= min) return true;
  }
  return false;
}
