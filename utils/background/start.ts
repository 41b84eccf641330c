// Everything the background listens to, registered synchronously at start (an MV3 service worker is woken
// by these events and must have its listeners in place on the first turn). No state lives only in memory:
// badges come from storage.session and the settings. Stored settings of an older version are migrated here.
import { browser } from 'wxt/browser';
import { migrateStoredSettings } from '../settings/migrate-storage';
import { watchSettings } from '../settings/storage';
import { forgetTab, repaintAll, setupBadgeStyle } from './badge';
import { handleCommand } from './commands';
import { handleBackgroundMessage, type MessageSender } from './message-router';
import { watchPacksForFrames } from './packs-sync';
import { watchInstall } from './welcome';
import { startReinjection } from './reinject';

export function startBackground(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: MessageSender) => handleBackgroundMessage(raw, sender));
  browser.commands?.onCommand.addListener((command: string, tab?: { id?: number; url?: string }) => {
    void handleCommand(command, tab);
  });
  browser.tabs.onUpdated.addListener((tabId: number, change: { status?: string }) => {
    // A new document is loading: the old count no longer holds (the page reports afresh once scanned).
    if (change.status === 'loading') void forgetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId: number) => void forgetTab(tabId, false));
  watchSettings(({ settings }) => void repaintAll(settings));
  // The one place settings are migrated: an older record is upgraded and written back (pages hear it).
  void migrateStoredSettings().catch((e: unknown) => console.warn('Factlens: settings could not be migrated', e));
  watchInstall();
  watchPacksForFrames();
  void setupBadgeStyle();
  startReinjection();
}
