// The extension's keyboard shortcuts as the browser has bound them (commands.getAll(): what people actually
// get, which may differ from the manifest's suggested keys), and the browser's page to change them.
import { browser } from 'wxt/browser';

export interface ShortcutRow {
  /** The command's name in the manifest ("next-mention", "_execute_action"…). */
  name: string;
  /** What it does, in the reader's words. */
  description: string;
  /** The keys as the browser shows them ("Alt+Shift+J"), split at "+", or [] when the browser left it unbound. */
  keys: string[];
}

/** The popup's own command has no description in some browsers: say what it does. */
const OPEN_POPUP = /^_execute_(browser_)?action$/;

/** Rows in a stable order (the manifest's: what the popup and the welcome page list). */
export function shortcutRows(commands: readonly { name?: string; description?: string; shortcut?: string }[]): ShortcutRow[] {
  return commands
    .filter((c): c is { name: string; description?: string; shortcut?: string } => !!c.name)
    .map((c) => ({
      name: c.name,
      description: c.description || (OPEN_POPUP.test(c.name) ? 'Open the Factlens popup' : c.name),
      keys: c.shortcut ? c.shortcut.split(/\+(?!$)/) : [],
    }));
}

export async function readShortcuts(): Promise<ShortcutRow[]> {
  return shortcutRows((await browser.commands?.getAll()) ?? []);
}

/**
 * Opens the browser's shortcut settings. A link cannot: extension pages may not navigate to chrome:// or
 * about: addresses. Firefox (137+) has commands.openShortcutSettings() (about:addons, "Manage Extension
 * Shortcuts"); Chromium browsers let an extension open chrome://extensions/shortcuts with tabs.create.
 */
export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as unknown as { openShortcutSettings?: () => Promise<void> } | undefined;
  if (commands?.openShortcutSettings) {
    await commands.openShortcutSettings();
    return;
  }
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
