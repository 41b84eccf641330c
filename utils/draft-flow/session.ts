// The article on its way from a tab to the draft page: kept in storage.session (in memory, gone when the
// browser closes; never in the URL, articles are large). The last request wins: one draft page reads it.
import { storage } from 'wxt/utils/storage';
import { ArticleAnswer } from '../messages';

export const DRAFT_ARTICLE_KEY = 'draftArticle';

/** What the draft page gets: the extraction's answer (an article, or why the page has none). */
export const draftArticleItem = storage.defineItem<unknown>(`session:${DRAFT_ARTICLE_KEY}`, { fallback: null });

/** The stored answer, checked (another build may have written it); null when there is none. */
export async function readDraftArticle(): Promise<ArticleAnswer | null> {
  const parsed = ArticleAnswer.safeParse(await draftArticleItem.getValue());
  return parsed.success ? parsed.data : null;
}
