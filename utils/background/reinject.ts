// Open tabs and a new copy of the extension. After an update, a reload or being enabled again, Chrome
// leaves the tabs already open without the content script (the old copy is orphaned and cleans up, see
// utils/page/extension-context.ts), so their marks would come back only with a page reload. Once per
// extension session (storage.session is emptied by an update, a reload or a disable) the background injects
// the manifest's content script and its CSS into every frame of the open tabs; a frame whose declared
// script already runs keeps it (claimFrame). This takes, on Chrome only, the `scripting` permission and
// host_permissions for the content script's own matches (http/https): Chrome does not let content_scripts
// matches stand for them in scripting.executeScript (seen: "Cannot access contents of the page"). The sites
// are the same as the content script's, so the install warning is unchanged. Firefox injects declared
// content scripts into open tabs on its own: nothing to do there, nothing asked.
// The content script also holds a port open (ALIVE_PORT) so that it notices at once when this copy goes.
import { browser } from 'wxt/browser';

const ALIVE_PORT = 'factlens-alive'; // the content script's name for it (utils/page/extension-context.ts)
const DONE_KEY = 'factlens:reinjected';

type Scripting = {
  executeScript(o: { target: { tabId: number; allFrames: boolean }; files: string[] }): Promise<unknown>;
  insertCSS(o: { target: { tabId: number; allFrames: boolean }; files: string[] }): Promise<unknown>;
};

export function startReinjection(): void {
  browser.runtime.onConnect.addListener((port: { name: string }) => {
    if (port.name !== ALIVE_PORT) return; // held open: its end is how a content script learns we are gone
  });
  void reinjectOpenTabs();
}

async function reinjectOpenTabs(): Promise<void> {
  const scripting = (browser as unknown as { scripting?: Scripting }).scripting;
  const session = browser.storage.session;
  if (!scripting || !session) return;
  if ((await session.get(DONE_KEY))[DONE_KEY]) return; // this SW start is a wake-up, not a new copy
  await session.set({ [DONE_KEY]: true });
  const [script] = browser.runtime.getManifest().content_scripts ?? [];
  if (!script?.js?.length) return;
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id }) => {
      if (id === undefined) return;
      const target = { tabId: id, allFrames: true };
      try {
        if (script.css?.length) await scripting.insertCSS({ target, files: script.css });
        await scripting.executeScript({ target, files: script.js! });
      } catch {
        /* a page we may not script (browser pages, other sites): nothing to do */
      }
    }),
  );
}
