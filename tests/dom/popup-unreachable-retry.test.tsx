// @vitest-environment happy-dom
// The popup opened on a page still loading: its content script (document_idle, then the app's import) cannot
// answer yet, and the page's first "actors changed" may come before the popup listens. The popup asks again a
// few times, so it shows the page once the content script answers, and stops asking when it never does.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageAnswer } from '../../utils/popup/tab-client';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const answers: PageAnswer[] = [];
const asked = { count: 0 };
const unreachable: PageAnswer = { ok: false, reason: 'unreachable', detail: 'Could not establish connection. Receiving end does not exist.' };

vi.mock('../../utils/popup/tab-client', () => ({
  findTargetTab: async () => ({ tabId: 7, url: 'https://news.example/story', asPage: true }),
  fetchPageActors: async (): Promise<PageAnswer> => {
    asked.count++;
    return answers.shift() ?? unreachable;
  },
  fetchMentionRows: async () => [],
  showMention: async () => undefined,
}));

const { usePopup } = await import('../../hooks/use-popup');

describe('the popup on a page whose content script is not there yet', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    answers.length = 0;
    asked.count = 0;
  });
  afterEach(cleanup);

  it('asks again until the page answers, then shows it', async () => {
    answers.push(unreachable, unreachable, { ok: true, page: { url: 'https://news.example/story', active: true, actors: [] } });
    const { result } = renderHook(() => usePopup({ search: '?tab=7', close: () => {} }));
    await waitFor(() => expect(result.current.model.page.kind).toBe('ready'), { timeout: 3000 });
    expect(asked.count).toBe(3);
  });

  it('stops asking a page that never answers, and says it cannot read it', async () => {
    const { result } = renderHook(() => usePopup({ search: '?tab=7', close: () => {} }));
    await waitFor(() => expect(asked.count).toBe(9), { timeout: 4000 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(asked.count).toBe(9);
    expect(result.current.model.page.kind).toBe('unreachable');
  });
});
