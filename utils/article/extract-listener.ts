// The content script's answer to "extract-article" (popup or keyboard command → this tab's top frame): the
// page's article, extracted from a clone of the document by the lazily loaded bundle. The live page is never
// changed; the answer goes to the extension only (the drafter runs in the extension's draft page).
import { browser } from 'wxt/browser';
import type { ArticleAnswer } from '../messages';
import { parseContentMessage } from '../content-message';
import { loadArticleExtract } from './extract-loader';

async function answer(): Promise<ArticleAnswer> {
  try {
    const { extractArticle } = await loadArticleExtract();
    const result = extractArticle(document, { url: location.href });
    if (result.ok) return { ok: true, article: { ...result.article }, notices: result.notices };
    return { ok: false, problem: { code: result.problem.code, message: result.problem.message } };
  } catch (e) {
    return { ok: false, problem: { code: 'failed', message: `The article could not be read (${e instanceof Error ? e.message : String(e)}).` } };
  }
}

/** What a listener of the content app gives: the way to stop, and its answer to a message handed over by the loader. */
export interface AppListener {
  stop(): void;
  receive(message: unknown): Promise<unknown> | undefined;
}

/** Listens in the top frame only (the article is the tab's page). */
export function listenForArticleRequests(): AppListener {
  const receive = (raw: unknown): Promise<ArticleAnswer> | undefined => {
    if (window !== window.top) return undefined;
    const parsed = parseContentMessage(raw);
    if (!parsed.ok || parsed.message.type !== 'extract-article') return undefined; // another listener's
    return answer();
  };
  if (window !== window.top) return { stop: () => {}, receive };
  browser.runtime.onMessage.addListener(receive);
  return { stop: () => browser.runtime.onMessage.removeListener(receive), receive };
}
