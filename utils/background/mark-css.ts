// The marks' stylesheet (content-scripts/content.css: the ::highlight() rules) for the frames that mark,
// on Chrome. Given by the manifest to every frame, its 242 rules cost each frame about 9 ms of style recalc
// (the bench's 30-ad-frame page: 13 ms of renderer time a frame, 9 of it style recalc; with 80 rules 1.2 ms,
// with 2 rules 0.2 ms), ad frames included, where nothing is ever marked. So the manifest gives it to top
// frames only (wxt.config.ts splits the content script's entry), and the background inserts it into another
// frame when the content app starts there, which it learns from the app's alive port
// (utils/page/extension-context.ts). The top frame keeps the manifest's: inserted late, a sheet restyles the
// whole document (600-700 ms on wikipedia-2, measured), while a frame's document is small. Inserted CSS, like
// the manifest's, is not in the page's document.styleSheets and adds nothing to its DOM; it takes no new
// permission (`scripting` and the host permissions are there for re-injection, reinject.ts).
// Firefox (MV2, no scripting API, no host permissions) keeps the manifest's declaration for every frame.
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

/** Whether the manifest gives every frame the stylesheet (Firefox), not only top frames (Chrome). */
function everyFrameByManifest(): boolean {
  return (browser.runtime.getManifest().content_scripts ?? []).some((c) => (c.css ?? []).length > 0 && c.all_frames === true);
}

/** Inserts the marks' stylesheet into the sender's frame (a content app that just started there), unless it has it. */
export async function insertMarkCss(
  sender: PortSender | undefined,
  insertCSS: InsertCss | null = chromeInsertCss(),
  everyFrame: () => boolean = everyFrameByManifest,
): Promise<boolean> {
  const tabId = sender?.tab?.id;
  const frameId = sender?.frameId ?? 0;
  // A top frame has the manifest's.
  if (!insertCSS || tabId === undefined || frameId === 0 || everyFrame()) return false;
  try {
    await insertCSS({ target: { tabId, frameIds: [frameId] }, files: [MARK_CSS_FILE] });
    return true;
  } catch (error) {
    // The frame went away meanwhile, or a page we may not script: its marks would not show either.
    console.debug('Factlens: the marks stylesheet was not inserted', error);
    return false;
  }
}
