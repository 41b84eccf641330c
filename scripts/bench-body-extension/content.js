// The floor of a content script that reads the page for `npm run bench` (section "trace"): one in every frame
// that reads `document.body` and nothing else. Its first touch of the DOM makes the isolated world's wrappers of
// the window's document and body, which any script that looks at a frame's content pays.
'use strict';
globalThis.__factlensBodyFloor = document.body !== null;
