// From the extracted article to the drafter's input: the text without bidi controls (the pack validator
// refuses them in every shown string, and a quote must be the article's words) and the page's metadata.
import type { ArticleMeta } from '../drafter/types';
import type { ArticleAnswer } from '../messages';

const BIDI_CONTROLS_ALL = /[\u202A-\u202E\u2066-\u2069]/g;

export type ExtractedArticle = Extract<ArticleAnswer, { ok: true }>['article'];

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS_ALL, '');
}

export function draftInput(article: ExtractedArticle): { text: string; meta: ArticleMeta } {
  const clean = (s: string | undefined) => (s === undefined ? undefined : stripBidiControls(s).trim() || undefined);
  const meta: ArticleMeta = {
    title: clean(article.title),
    byline: clean(article.byline),
    site: clean(article.site),
    published: clean(article.published),
    url: article.url && /^https?:\/\//.test(article.url) ? article.url : undefined,
  };
  return { text: stripBidiControls(article.text), meta };
}
