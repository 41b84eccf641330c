// The isolated-world floor of `npm run bench`: the least a content script can do to see a page's text.
// At document_idle, in its own world (wrappers of that world included, cold: the first walk of the page),
// a TreeWalker with no filter visits every text node of the body and reads every character once (text-walk.js,
// loaded first). The time is left as a User Timing measure (the page's timeline is shared with the main world,
// where the bench reads it): `factlens-floor:walk`, detail { chars, nodes, checksum }.
(() => {
  'use strict';
  const t0 = performance.now();
  const root = document.body || document.documentElement;
  const { chars, nodes, checksum } = globalThis.__factlensTextWalk(root);
  performance.measure('factlens-floor:walk', { start: t0, end: performance.now(), detail: { chars, nodes, checksum } });
})();
