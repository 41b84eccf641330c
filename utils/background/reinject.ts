// Open tabs and a new copy of the extension. After an update, a reload or being enabled again, Chrome
// leaves the tabs already open without the content script (the old copy is orphaned and cleans up, see
// utils/page/extension-context.ts), so their marks would come back only with a page reload. Once per
// extension session (storage.session is emptied by an update, a reload or a disable) the background injects
// the manifest's content scripts and CSS into the open tabs, each entry into the frames it declares (the
// loader into every frame, the marks' CSS into top frames; other frames get it when an app starts there,
// mark-css.ts); a frame whose declared script already runs keeps it (claimFrame). This takes, on Chrome only, the `scripting` permission and
// host_permissions for the content script's own matches (http/https): Chrome does not let content_scripts
// matches stand for them in scripting.executeScript (seen: "Cannot access contents of the page"). The sites
// are the same as the content script's, so the install warning is unchanged. Firefox injects declared
// content scripts into open tabs on its own: nothing to do there, nothing asked.
// The content script also holds a port open (ALIVE_PORT) so that it notices at once when this copy goes.
import { browser } from 'wxt/browser';
import { insertMarkCss, type PortSender } from './mark-css';

const ALIVE_PORT = 'factlens-alive'; // the content script's name for it (utils/page/extension-context.ts)
const DONE_KEY = 'factlens:reinjected';

type Scripting = {
  executeScript(o: { target: { tabId: number; allFrames: boolean }; files: string[] }): Promise<unknown>;
  insertCSS(o: { target: { tabId: number; allFrames: boolean }; files: string[] }): Promise<unknown>;
};

export function startReinjection(): void {
  browser.runtime.onConnect.addListener((port: { name: string; sender?: PortSender }) => {
    if (port.name !== ALIVE_PORT) return; // held open: its end is how a content script learns we are gone
    // A content app has just started in that frame: one other than the top gets the marks' stylesheet.
    void insertMarkCss(port.sender);
  });
  void reinjectOpenTabs();
}

async function reinjectOpenTabs(): Promise<void> {
  const scripting = (browser as unknown as { scripting?: Scripting }).scripting;
  const session = browser.storage.session;
  if (!scripting || !session) return;
  if ((await session.get(DONE_KEY))[DONE_KEY]) return; // this SW start is a wake-up, not a new copy
  await session.set({ [DONE_KEY]: true });
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  if (!scripts.some((s) => s.js?.length)) return;
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id }) => {
      if (id === undefined) return;
      try {
        // The CSS first, so that the marks the scripts register paint at once.
        for (const s of scripts) if (s.css?.length) await scripting.insertCSS({ target: { tabId: id, allFrames: s.all_frames === true }, files: s.css });
        for (const s of scripts) if (s.js?.length) await scripting.executeScript({ target: { tabId: id, allFrames: s.all_frames === true }, files: s.js });
      } catch {
        /* a page we may not script (browser pages, other sites): nothing to do */
      }
    }),
  );
}
