// "Make a fact pack from this article": the tab's answer is handed to the draft page in storage.session and
// the page opened; a page with no article gets its reason (the popup) or the draft page says it (the command).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { startDraftFromTab } = await import('../../utils/draft-flow/start');
const { readDraftArticle } = await import('../../utils/draft-flow/session');
const { handleCommand } = await import('../../utils/background/commands');

const ARTICLE = { ok: true, article: { title: 'T', text: 'x'.repeat(600), truncated: false, fullLength: 600, url: 'https://example.org/a' }, notices: [] };
const NOT_ARTICLE = { ok: false, problem: { code: 'not-article', message: 'This page does not look like an article: no main text was found.' } };

function answerWith(reply: unknown) {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(reply as never);
  return vi.spyOn(fakeBrowser.tabs, 'create');
}

describe('starting a draft from a tab', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('hands the article over in storage.session and opens the draft page', async () => {
    const create = answerWith(ARTICLE);
    expect(await startDraftFromTab(7)).toEqual({ ok: true });
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'extract-article' }, { frameId: 0 });
    expect(await readDraftArticle()).toEqual(ARTICLE);
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/draft\.html$/) });
  });

  it('a page with no article: the reason, no draft page, nothing handed over', async () => {
    const create = answerWith(NOT_ARTICLE);
    expect(await startDraftFromTab(7)).toEqual({ ok: false, message: NOT_ARTICLE.problem.message });
    expect(create).not.toHaveBeenCalled();
    expect(await readDraftArticle()).toBeNull();
  });

  it('a page Factlens cannot reach, or a reply of the wrong shape, is refused with a reason', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    expect(await startDraftFromTab(7)).toEqual({ ok: false, message: expect.stringContaining('cannot read this page') });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, article: { title: 1 } } as never);
    expect(await startDraftFromTab(7)).toEqual({ ok: false, message: expect.stringContaining('cannot read this page') });
  });

  it('the make-fact-pack command opens the draft page even for a page with no article (which says why)', async () => {
    const create = answerWith(NOT_ARTICLE);
    await handleCommand('make-fact-pack', { id: 3 });
    expect(create).toHaveBeenCalledTimes(1);
    expect(await readDraftArticle()).toEqual(NOT_ARTICLE);
  });
});
