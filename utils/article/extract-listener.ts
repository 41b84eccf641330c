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

/** Listens in the top frame only (the article is the tab's page); returns the way to stop. */
export function listenForArticleRequests(): () => void {
  if (window !== window.top) return () => {};
  const onMessage = (raw: unknown): Promise<ArticleAnswer> | undefined => {
    const parsed = parseContentMessage(raw);
    if (!parsed.ok || parsed.message.type !== 'extract-article') return undefined; // another listener's
    return answer();
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
