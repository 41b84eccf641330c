// The per-frame floor of `npm run bench` (section "trace"): what a frame with nothing to mark would cost if
// the content script were a small loader that first decides, cheaply, whether the frame holds text worth
// reading (here: at least 200 characters of text in the body, counted with a filterless TreeWalker that
// stops as soon as it has enough) and loads nothing else when it does not. Leaves its verdict as a
// `factlens-frame-check` User Timing measure.
(() => {
  'use strict';
  const t0 = performance.now();
  const body = document.body;
  let chars = 0;
  if (body) {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && chars < 200; n = walker.nextNode()) chars += n.data.trim().length;
  }
  performance.measure('factlens-frame-check', { start: t0, end: performance.now(), detail: { worthReading: chars >= 200 } });
})();
