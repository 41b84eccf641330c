// Opening the side panel: Chrome's sidePanel.open and Firefox's sidebarAction.open both demand a user gesture,
// so callers call this synchronously in a click or command handler (no await before it).
import { browser } from 'wxt/browser';

interface SidePanelApi {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface SidebarActionApi {
  open(): Promise<void>;
}

/** Opens the panel for a tab (Chrome) or the window's sidebar (Firefox). Rejects where neither exists. */
export function openPanel(tabId: number | undefined, windowId?: number): Promise<void> {
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarActionApi };
  if (api.sidePanel) {
    if (tabId !== undefined) return api.sidePanel.open({ tabId });
    if (windowId !== undefined) return api.sidePanel.open({ windowId });
    return Promise.reject(new Error('no tab or window to open the side panel in'));
  }
  if (api.sidebarAction) return api.sidebarAction.open();
  return Promise.reject(new Error('this browser has no side panel'));
}

/** The panel's address for a tab (what the e2e tests open as a page; the panel follows the active tab without it). */
export function panelUrl(tabId?: number): string {
  return browser.runtime.getURL(tabId === undefined ? '/sidepanel.html' : `/sidepanel.html?tab=${tabId}`);
}
