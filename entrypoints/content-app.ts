// The content app, imported by the loader (entrypoints/content/index.ts) in a frame that has text worth
// reading, and at once in the top frame. Built as an ES module (wxt.config.ts), a web-accessible resource;
// its default export is what main() returns. It runs in the content script's isolated world.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createFrameData } from '../utils/packs/frame-data';
import { startContentApp } from '../utils/page/content-app';
import { claimFrame, createExtensionContext } from '../utils/page/extension-context';
import { createCardBinding } from '../utils/card/content-binding';
import { removeStaleHosts } from '../utils/card/host';
import { listenForArticleRequests } from '../utils/article/extract-listener';
import type { ContentAppModule } from '../utils/page/app-loader';

/** The app's answers to the extension's messages, for the one the loader received before the app loaded. */
const receivers: ((message: unknown) => Promise<unknown> | undefined)[] = [];

function receive(message: unknown): Promise<unknown> | undefined {
  for (const r of receivers) {
    const answer = r(message);
    if (answer !== undefined) return answer;
  }
  return undefined;
}

async function start(stored?: Promise<Record<string, unknown>>): Promise<void> {
  const ctx = createExtensionContext();
  // Re-injected after an update into a frame where a live copy already runs: that copy stays.
  if (!claimFrame(ctx)) return ctx.invalidate();
  removeStaleHosts(document);
  // One storage read for the whole frame (settings and packs), shared by the page and the card: the loader's,
  // begun while this module loaded, when it gave one.
  const frame = createFrameData(stored && (() => stored));
  const factBases = frame.factBases;
  // The card: onIndex gives it the MentionIndex (null when Factlens stops), onShowMention opens it on the
  // mention the popup or the keyboard command chose.
  const card = createCardBinding({ factBases, use: ctx.use });
  ctx.onInvalidated(() => card.destroy());
  const article = listenForArticleRequests();
  receivers.push(article.receive);
  ctx.onInvalidated(() => article.stop());
  await startContentApp(ctx, {
    factBases,
    loadSettings: frame.settings,
    watch: frame.watch,
    onIndex: (index, settings) => card.onIndex(index, settings),
    onShowMention: (mention, how) => card.onShowMention(mention, how),
    onReceiver: (r) => receivers.push(r),
  });
}

export default defineUnlistedScript((): ContentAppModule => ({ start, receive }));
