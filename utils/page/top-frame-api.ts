// The top frame's message API: answers the popup and the background (get-page-actors, show-mention,
// step-mention, get-mentions) and tells the background when the number of actors shown changes (the badge).
// Only the top frame talks: a frame's mentions live in that frame's DOM, and a count that mixed frames
// could not be shown or scrolled to.
import { browser } from 'wxt/browser';
import { ToContentMessage, parseMessage, type MentionRow, type PageActors } from '../messages';
import { MentionCursor, scrollToMention } from './mention-cursor';
import type { PageEvent, PageLifecycle } from './page-lifecycle';
import type { PageMention, ShowMentionHook } from './types';
import { readBlocks } from './text-index';
import { rowsInBlocks } from '../export/row';

export interface TopFrameApi {
  /** What the page's lifecycle did (see PageEvent): keeps the badge and the cursor current. */
  pageEvent(event: PageEvent): void;
  stop(): void;
}

export interface TopFrameApiOptions {
  /** Whether this copy of the script was invalidated (extension updated or reloaded). */
  isInvalid(): boolean;
  /** The card (or anything else) that opens on a mention shown from the popup or the keyboard. */
  onShowMention?: ShowMentionHook;
}

export function startTopFrameApi(page: Pick<PageLifecycle, 'index' | 'registry' | 'blockOf'>, options: TopFrameApiOptions): TopFrameApi {
  const cursor = new MentionCursor<PageMention>(); // step-mention's position in index.all()
  let lastDistinct = -1;

  const notifyBackground = () => {
    if (options.isInvalid()) return;
    const distinct = page.index()?.actorCounts().length ?? 0;
    if (distinct === lastDistinct) return;
    lastDistinct = distinct;
    browser.runtime.sendMessage({ type: 'page-actors-changed', distinctActors: distinct }).catch(() => {
      /* no listener (background asleep or reloading): the next change tells it */
    });
  };

  const show = (mention: PageMention, fromKeyboard: boolean) => {
    scrollToMention(mention.toRange(), 'centre');
    options.onShowMention?.(mention, { fromKeyboard });
  };

  const onMessage = (raw: unknown): Promise<unknown> | undefined => {
    const parsed = parseMessage(ToContentMessage, raw);
    if (!parsed.ok) return undefined; // not ours (or malformed): other listeners may answer
    const message = parsed.message;
    const index = page.index();
    switch (message.type) {
      case 'get-page-actors': {
        const answer: PageActors = { url: location.href, active: !!index, actors: index?.actorCounts() ?? [], ...index?.decision() };
        return Promise.resolve(answer);
      }
      case 'show-mention': {
        const mention = index?.ofActor(message.actorId)[message.index];
        if (!mention || !index) return Promise.resolve({ ok: false });
        cursor.moveTo(index.all(), mention);
        show(mention, false);
        return Promise.resolve({ ok: true });
      }
      case 'step-mention': {
        const next = cursor.step(index?.all() ?? [], message.direction);
        if (!next) return Promise.resolve({ ok: false });
        show(next, true);
        return Promise.resolve({ ok: true });
      }
      case 'get-mentions': {
        // Positions in the page's visible text as `factlens scan` gives them: the blocks read afresh, once.
        const info = { url: location.href, title: document.title, time: new Date().toISOString() };
        const blocks = readBlocks(document).map((b) => ({ text: b.text, key: b.nodes[0] }));
        const mentions = (index?.all() ?? []).map((m) => ({ ...m, start: m.blockStart, end: m.blockEnd, block: page.blockOf(m)?.nodes[0] }));
        const rows: MentionRow[] = index ? rowsInBlocks(info, blocks, mentions, page.registry()) : [];
        return Promise.resolve(rows);
      }
    }
  };
  browser.runtime.onMessage.addListener(onMessage);

  return {
    pageEvent(event) {
      if (event === 'navigated') lastDistinct = -1;
      if (event !== 'painted') cursor.reset();
      if (event !== 'navigated') notifyBackground();
    },
    stop: () => browser.runtime.onMessage.removeListener(onMessage),
  };
}
