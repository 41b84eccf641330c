// The content script: a loader of about 1 KB (utils/page/app-loader.ts). Runs in EVERY frame (all_frames) of
// http(s) pages at document_idle, and in the about:blank / srcdoc frames they create (matchAboutBlank, and on
// Chrome matchOriginAsFallback). The top frame, and any frame with text worth reading, import the app
// (entrypoints/content-app.ts): each frame reads and marks its own document, and only the TOP frame answers
// the popup's queries and updates the badge (utils/page/top-frame-api.ts). A frame with nothing to read
// loads nothing more. http(s) only, not <all_urls>: the pages people read; file:// would need a user toggle
// in Chrome anyway, and extension/browser pages are none of our business.
// The CSS imported here holds only ::highlight() rules, so nothing is ever added to the page's DOM to paint
// marks. The manifest declares it (content_scripts[].css): on Firefox for every frame; on Chrome for top
// frames only (wxt.config.ts), and the background inserts it into another frame when the app starts there
// (utils/background/mark-css.ts), so that ad frames do not pay its style recalc (~9 ms a frame). The top
// frame keeps the manifest's, from the start: inserted late, the sheet restyles the whole document (600-700
// ms of style recalc on wikipedia-2, first marks 0.6 s later).
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
