// The floor of any content script for `npm run bench` (section "trace"): a content script in every frame that
// does nothing, so its cost per frame is what the browser charges for injecting a script into a frame's
// isolated world, before the script reads anything.
'use strict';
