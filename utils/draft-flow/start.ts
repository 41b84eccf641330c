// "Make a fact pack from this article", from the popup or the keyboard command: the tab's content script
// extracts the article (Readability on a clone), it is handed over in storage.session and the draft page
// opens in a new tab, where the drafter runs (the NLP code is in that page's bundle only).
import { browser } from 'wxt/browser';
import type { ArticleAnswer } from '../messages';
import { askTab } from '../messaging';
import { draftArticleItem } from './session';

export type StartDraftResult = { ok: true } | { ok: false; message: string };

export function draftPageUrl(): string {
  return browser.runtime.getURL('/draft.html');
}

async function extract(tabId: number): Promise<ArticleAnswer> {
  try {
    return await askTab(tabId, { type: 'extract-article' });
  } catch (e) {
    return { ok: false, problem: { code: 'unreachable', message: `Factlens cannot read this page (${e instanceof Error ? e.message : String(e)}).` } };
  }
}

/**
 * Extracts the tab's article and opens the draft page with it. A page with no article: the popup shows the
 * reason (`openOnProblem` false); the keyboard command has nowhere to show it but the draft page, which does.
 */
export async function startDraftFromTab(tabId: number, { openOnProblem = false } = {}): Promise<StartDraftResult> {
  const answer = await extract(tabId);
  if (!answer.ok && !openOnProblem) return { ok: false, message: answer.problem.message };
  try {
    await draftArticleItem.setValue(answer);
  } catch (e) {
    return { ok: false, message: `The article could not be handed to the draft page (${e instanceof Error ? e.message : String(e)}).` };
  }
  await browser.tabs.create({ url: draftPageUrl() });
  return answer.ok ? { ok: true } : { ok: false, message: answer.problem.message };
}
