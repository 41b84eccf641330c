// The marks' stylesheet (content-scripts/content.css: the ::highlight() rules) for the frames that mark,
// on Chrome. The manifest would put it into every frame of every page, ad frames included (their style
// recalc pays for its 112 rules); instead the background inserts it into one frame when the content app
// starts there, which it learns from the app's alive port (utils/page/extension-context.ts). Inserted CSS,
// like the manifest's, is not in the page's document.styleSheets and adds nothing to its DOM. It takes no
// new permission: `scripting` and the host permissions are already there for re-injection (reinject.ts).
// Firefox (MV2, no scripting API, no host permissions) keeps the manifest's declaration (wxt.config.ts).
import { browser } from 'wxt/browser';

/** The built stylesheet's path in the extension (WXT's name for the content entry's CSS). */
export const MARK_CSS_FILE = 'content-scripts/content.css';

type InsertCss = (o: { target: { tabId: number; frameIds: number[] }; files: string[] }) => Promise<unknown>;

export interface PortSender {
  tab?: { id?: number };
  frameId?: number;
}

function chromeInsertCss(): InsertCss | null {
  const scripting = (browser as unknown as { scripting?: { insertCSS: InsertCss } }).scripting;
  return scripting ? (o) => scripting.insertCSS(o) : null;
}

/** Whether the manifest already gives every frame the stylesheet (Firefox): then nothing is inserted. */
function declaredByManifest(): boolean {
  return (browser.runtime.getManifest().content_scripts ?? []).some((c) => (c.css ?? []).length > 0);
}

/** Inserts the marks' stylesheet into the sender's frame (a content app that just started there). */
export async function insertMarkCss(
  sender: PortSender | undefined,
  insertCSS: InsertCss | null = chromeInsertCss(),
  declared: () => boolean = declaredByManifest,
): Promise<boolean> {
  const tabId = sender?.tab?.id;
  if (!insertCSS || tabId === undefined || declared()) return false;
  try {
    await insertCSS({ target: { tabId, frameIds: [sender?.frameId ?? 0] }, files: [MARK_CSS_FILE] });
    return true;
  } catch (error) {
    // The frame went away meanwhile, or a page we may not script: its marks would not show either.
    console.debug('Factlens: the marks stylesheet was not inserted', error);
    return false;
  }
}
