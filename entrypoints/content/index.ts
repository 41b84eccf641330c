// The content script: a loader of about 1 KB (utils/page/app-loader.ts). Runs in EVERY frame (all_frames) of
// http(s) pages at document_idle, and in the about:blank / srcdoc frames they create (matchAboutBlank, and on
// Chrome matchOriginAsFallback). The top frame, and any frame with text worth reading, import the app
// (entrypoints/content-app.ts): each frame reads and marks its own document, and only the TOP frame answers
// the popup's queries and updates the badge (utils/page/top-frame-api.ts). A frame with nothing to read
// loads nothing more. http(s) only, not <all_urls>: the pages people read; file:// would need a user toggle
// in Chrome anyway, and extension/browser pages are none of our business.
// The CSS imported here holds only ::highlight() rules, so nothing is ever added to the page's DOM to paint
// marks; WXT declares it in the manifest (content_scripts[].css), so every frame gets it from the start.
// Inserting it later, only where the app starts (scripting.insertCSS), was tried and left: the late sheet
// restyles the whole document (600-700 ms of style recalc on wikipedia-2 in the top frame, first marks
// 0.6 s later), far more than the few ms it costs an ad frame from the start.
// WXT's context (`main`'s argument) is replaced by a stub in this build (utils/page/loader-context.ts).
import './style.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLoader } from '../../utils/page/app-loader';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  main() {
    startLoader();
  },
});
