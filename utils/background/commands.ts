// Keyboard commands (declared under `commands` in wxt.config.ts; people can rebind them in the browser).
import { browser } from 'wxt/browser';
import { askTab } from '../messaging';
import { withSiteEnabled } from '../settings/schema';
import { updateSettings } from '../settings/storage';
import { readTabRecord } from './badge';
import { startDraftFromTab } from '../draft-flow/start';
import { openPanel } from '../panel/open';

export const COMMANDS = {
  nextMention: 'next-mention',
  previousMention: 'previous-mention',
  toggleSite: 'toggle-site',
  makeFactPack: 'make-fact-pack',
  openPanel: 'open-panel',
} as const;

async function activeTab(given?: { id?: number; url?: string }): Promise<{ id: number; url?: string } | undefined> {
  if (given?.id !== undefined) return { id: given.id, url: given.url };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}

/** The hostname of a tab's page without the "tabs" permission: activeTab's url, the page's last report, or asking it. */
async function hostnameOfTab(tab: { id: number; url?: string }): Promise<string | undefined> {
  const fromUrl = (url?: string) => {
    try {
      return url && /^https?:/.test(url) ? new URL(url).hostname : undefined;
    } catch {
      return undefined;
    }
  };
  const known = fromUrl(tab.url) ?? (await readTabRecord(tab.id))?.hostname;
  if (known) return known;
  try {
    return fromUrl((await askTab(tab.id, { type: 'get-page-actors' })).url);
  } catch {
    return undefined;
  }
}

export async function handleCommand(command: string, given?: { id?: number; url?: string }): Promise<void> {
  if (command === COMMANDS.openPanel) {
    // Before any await: opening a panel needs the command's user gesture.
    await openPanel(given?.id).catch((e: unknown) => console.info(`Factlens: the side panel could not open: ${String(e)}`));
    return;
  }
  const tab = await activeTab(given);
  if (!tab) return;
  switch (command) {
    case COMMANDS.nextMention:
    case COMMANDS.previousMention: {
      const direction = command === COMMANDS.nextMention ? 'next' : 'previous';
      await askTab(tab.id, { type: 'step-mention', direction }).catch(() => {
        // No content script there (a browser page, an add-on store): nothing to step through.
      });
      return;
    }
    case COMMANDS.toggleSite: {
      const hostname = await hostnameOfTab(tab);
      if (!hostname) {
        console.info('Factlens: this page has no site that Factlens runs on; nothing to toggle');
        return;
      }
      await updateSettings((s) => withSiteEnabled(s, hostname));
      return;
    }
    case COMMANDS.makeFactPack:
      // No popup to answer in: a page with no article opens the draft page, which says why.
      await startDraftFromTab(tab.id, { openOnProblem: true });
      return;
    default:
      console.warn(`Factlens: unknown command "${command}"`);
  }
}
