// The content script. Runs in EVERY frame (all_frames) of http(s) pages at document_idle, and in the
// about:blank / srcdoc frames they create (matchAboutBlank, and on Chrome matchOriginAsFallback): each frame
// reads and marks its own document (an article in an iframe gets its marks too). Only the TOP frame answers
// the popup's queries and updates the badge (see utils/page/top-frame-api.ts). http(s) only, not <all_urls>:
// the pages people read; file:// would need a user toggle in Chrome anyway, and extension/browser pages are
// none of our business. The CSS imported here holds only ::highlight() rules; WXT declares it in the
// manifest (content_scripts[].css), so nothing is ever added to the page's DOM to paint marks.
// WXT's own context (`main`'s argument) is not used: a page can stop it (utils/page/extension-context.ts).
import './style.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createFrameData } from '../../utils/packs/frame-data';
import { startContentApp } from '../../utils/page/content-app';
import { claimFrame, createExtensionContext } from '../../utils/page/extension-context';
import { createCardBinding } from '../../utils/card/content-binding';
import { removeStaleHosts } from '../../utils/card/host';
import { listenForArticleRequests } from '../../utils/article/extract-listener';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  async main() {
    const ctx = createExtensionContext();
    // Re-injected after an update into a frame where a live copy already runs: that copy stays.
    if (!claimFrame(ctx)) return ctx.invalidate();
    removeStaleHosts(document);
    // One storage read for the whole frame (settings and packs), shared by the page and the card.
    const frame = createFrameData();
    const factBases = frame.factBases;
    // The card: onIndex gives it the MentionIndex (null when Factlens stops), onShowMention opens it on the
    // mention the popup or the keyboard command chose.
    const card = createCardBinding({ factBases, use: ctx.use });
    ctx.onInvalidated(() => card.destroy());
    ctx.onInvalidated(listenForArticleRequests());
    await startContentApp(ctx, {
      factBases,
      loadSettings: frame.settings,
      watchFactBases: frame.watchFactBases,
      onIndex: (index, settings) => card.onIndex(index, settings),
      onShowMention: (mention, how) => card.onShowMention(mention, how),
    });
  },
});
