// Loads the article extraction bundle (entrypoints/article-extract.ts: Readability) from the extension when the
// reader first asks for a fact pack, so the content script that runs on every page carries none of it. Like
// the card UI (utils/card/ui-loader.ts): a web-accessible ES module, run in the content script's own world.
import { browser } from 'wxt/browser';
import type { ExtractOptions, ExtractResult } from '../drafter/extract';

export const ARTICLE_EXTRACT_PATH = '/article-extract.js';

export interface ArticleExtractModule {
  extractArticle(doc: Document, options?: ExtractOptions): ExtractResult;
}

let loading: Promise<ArticleExtractModule> | null = null;

export function loadArticleExtract(): Promise<ArticleExtractModule> {
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL(ARTICLE_EXTRACT_PATH as '/article-extract.js')).then(
    (module: { default: ArticleExtractModule }) => module.default,
    (error: unknown) => {
      loading = null; // a later request tries again
      throw error;
    },
  );
  return loading;
}
