// The popup's link to a tab: which tab it is for, and questions to the tab's content script (top frame),
// every answer parsed with zod before use.
import { browser } from 'wxt/browser';
import type { MentionRow, PageActors } from '../messages';
import { askTab, InvalidReply } from '../messaging';

export interface TargetTab {
  tabId: number;
  /** Known when the browser tells (the action click grants activeTab); otherwise from the page's answer. */
  url?: string;
  /** Opened as a page for a given tab (popup.html?tab=N) rather than as the toolbar popup. */
  asPage: boolean;
}

/** `?tab=N` when given, else the active tab of the popup's own window. */
export async function findTargetTab(search: string): Promise<TargetTab | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null) {
    const tabId = Number(param);
    if (!Number.isInteger(tabId) || tabId < 0) return null;
    try {
      const tab = await browser.tabs.get(tabId);
      return { tabId, url: tab.url, asPage: true };
    } catch {
      return null;
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { tabId: tab.id, url: tab.url, asPage: false };
}

export type PageAnswer = { ok: true; page: PageActors } | { ok: false; reason: 'unreachable' | 'invalid'; detail: string };

export async function fetchPageActors(tabId: number): Promise<PageAnswer> {
  try {
    return { ok: true, page: await askTab(tabId, { type: 'get-page-actors' }) };
  } catch (e) {
    if (!(e instanceof InvalidReply)) return { ok: false, reason: 'unreachable', detail: String(e) };
    console.warn(`Factlens: ${e.message}`);
    return { ok: false, reason: 'invalid', detail: e.message };
  }
}

export async function fetchMentionRows(tabId: number): Promise<MentionRow[]> {
  try {
    return await askTab(tabId, { type: 'get-mentions' });
  } catch (e) {
    throw e instanceof InvalidReply ? new Error(`The page's mentions could not be read: ${e.message}`) : e;
  }
}

/** Shows an actor's mention: the n-th, or without `index` the one after the mention shown last. */
export async function showMention(tabId: number, actorId: string, index?: number): Promise<void> {
  await askTab(tabId, { type: 'show-mention', actorId, index });
}
