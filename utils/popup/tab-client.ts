// The popup's link to a tab: which tab it is for, and questions to the tab's content script (top frame),
// every answer parsed with zod before use.
import { browser } from 'wxt/browser';
import { MentionRows, PageActors, parseMessage, type MentionRow, type ToContentMessage } from '../messages';

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

async function ask(tabId: number, message: ToContentMessage): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 });
}

export type PageAnswer = { ok: true; page: PageActors } | { ok: false; reason: 'unreachable' | 'invalid'; detail: string };

export async function fetchPageActors(tabId: number): Promise<PageAnswer> {
  let raw: unknown;
  try {
    raw = await ask(tabId, { type: 'get-page-actors' });
  } catch (e) {
    return { ok: false, reason: 'unreachable', detail: String(e) };
  }
  const parsed = parseMessage(PageActors, raw);
  if (!parsed.ok) {
    console.warn('Factlens: the page answered get-page-actors with something unexpected:', parsed.reason);
    return { ok: false, reason: 'invalid', detail: parsed.reason };
  }
  return { ok: true, page: parsed.message };
}

export async function fetchMentionRows(tabId: number): Promise<MentionRow[]> {
  const parsed = parseMessage(MentionRows, await ask(tabId, { type: 'get-mentions' }));
  if (!parsed.ok) throw new Error(`The page's mentions could not be read: ${parsed.reason}`);
  return parsed.message;
}

export async function showMention(tabId: number, actorId: string, index = 0): Promise<void> {
  await ask(tabId, { type: 'show-mention', actorId, index });
}
