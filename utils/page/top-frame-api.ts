// The top frame's message API: answers the popup, the side panel and the background (get-page-actors,
// show-mention, step-mention, get-mentions, reveal-mention) and tells the background when the number of actors shown changes (the badge).
// Only the top frame talks: a frame's mentions live in that frame's DOM, and a count that mixed frames
// could not be shown or scrolled to.
import { browser } from 'wxt/browser';
import { parseContentMessage } from '../content-message';
import type { MentionRow, PageActors, ToContentMessage } from '../messages';
import { MentionCursor, scrollToMention, stepPosition } from './mention-cursor';
import type { ExtensionContext } from './extension-context';
import type { PageEvent, PageLifecycle } from './page-lifecycle';
import type { PageMention, ShowMentionHook } from './types';
import { readBlocks } from './text-index';
import { rowsInBlocks } from '../export/row';
import { flashRange } from './flash';

/** The least time between two page-actors-changed messages while the mentions keep changing. */
const NOTIFY_GAP_MS = 200;

export interface TopFrameApi {
  /** What the page's lifecycle did (see PageEvent): keeps the badge and the cursor current. */
  pageEvent(event: PageEvent): void;
  /** Answers a message as the listener does (one the loader received before the app was loaded). */
  receive(message: unknown): Promise<unknown> | undefined;
  stop(): void;
}

export interface TopFrameApiOptions {
  /** This copy of the script's life: extension APIs are called through it (they throw once invalidated). */
  ctx: Pick<ExtensionContext, 'use'>;
  /** The card (or anything else) that opens on a mention shown from the popup or the keyboard. */
  onShowMention?: ShowMentionHook;
}

type PageView = Pick<PageLifecycle, 'index' | 'registry' | 'blockOf'>;

/**
 * Registers the listener at once, before the page is ready (settings read, matcher compiled): a message that
 * comes meanwhile (the popup opened early, a test asking as soon as the page loads) is answered once `ready`
 * resolves, instead of finding no receiving end. `ready` rejecting answers it with that error.
 */
export function startTopFrameApi(ready: PageView | Promise<PageView>, options: TopFrameApiOptions): TopFrameApi {
  let current: PageView | null = null;
  const pending: Promise<PageView> = Promise.resolve(ready).then((p) => (current = p));
  pending.catch(() => {
    /* answered to each message that waits for it */
  });
  // Until ready, the page shows nothing (notifyBackground is called by page events, which come after).
  const page: PageView = {
    index: () => current?.index() ?? null,
    registry: () => current!.registry(),
    blockOf: (m) => current?.blockOf(m),
  };
  const cursor = new MentionCursor<PageMention>(); // step-mention's position in index.all()
  let lastDistinct = -1;
  let lastMentions = '';

  const sendCounts = () => {
    const index = page.index();
    const distinct = index?.actorCounts().length ?? 0;
    // The side panel hears this too: it re-reads the rows when the mentions change (count or, rescanned, ids).
    const all = index?.all() ?? [];
    const mentions = `${all.length}:${all.reduce((n, m) => Math.max(n, m.id), -1)}`;
    if (distinct === lastDistinct && mentions === lastMentions) return;
    lastDistinct = distinct;
    lastMentions = mentions;
    options.ctx.use(
      () =>
        browser.runtime.sendMessage({ type: 'page-actors-changed', distinctActors: distinct, mentions: all.length }).catch(() => {
          /* no listener (background asleep or reloading): the next change tells it */
        }),
      undefined,
    );
  };
  // A scan changes the mentions after every slice: tell the background (badge, side panel) at once, then at
  // most every NOTIFY_GAP_MS with the latest counts, not once per slice (4.5-20 ms of messaging a load).
  let notifyTimer: ReturnType<typeof setTimeout> | null = null;
  let notifyAgain = false;
  const notifyBackground = () => {
    if (notifyTimer !== null) {
      notifyAgain = true;
      return;
    }
    sendCounts();
    notifyTimer = setTimeout(() => {
      notifyTimer = null;
      if (notifyAgain) {
        notifyAgain = false;
        notifyBackground();
      }
    }, NOTIFY_GAP_MS);
  };


  let lastShown: PageMention | null = null; // show-mention without an index goes on from here
  const show = (mention: PageMention, fromKeyboard: boolean) => {
    lastShown = mention;
    scrollToMention(mention.toRange(), 'centre');
    options.onShowMention?.(mention, { fromKeyboard });
  };

  const onMessage = (raw: unknown): Promise<unknown> | undefined => {
    const parsed = parseContentMessage(raw);
    // Not ours (or malformed), or the article's (extract-listener.ts): other listeners answer.
    if (!parsed.ok || parsed.message.type === 'extract-article') return undefined;
    const message = parsed.message;
    return current ? answer(message) : pending.then(() => answer(message));
  };

  const answer = (message: ToContentMessage): Promise<unknown> | undefined => {
    const index = page.index();
    switch (message.type) {
      case 'get-page-actors': {
        const answer: PageActors = { url: location.href, active: !!index, actors: index?.actorCounts() ?? [], ...index?.decision() };
        return Promise.resolve(answer);
      }
      case 'show-mention': {
        const mentions = index?.onPage(message.actorId) ?? [];
        let at = message.index;
        if (at === undefined) {
          // On from the mention shown last when it is this actor's; else the actor's first.
          at = stepPosition(lastShown ? mentions.indexOf(lastShown) : -1, mentions.length, 'next');
        }
        const mention = mentions[at];
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
      case 'get-mentions':
        return Promise.resolve(index ? mentionRows(index.all()).map((p) => p.row) : []);
      case 'reveal-mention': {
        const pairs = index ? mentionRows(index.all()) : [];
        const { actorId, start, end, exact } = message;
        const ofActor = pairs.filter((p) => p.row.actorId === actorId);
        // The same offsets, else (the text moved) the nearest mention of that actor with the same words.
        const found =
          ofActor.find((p) => p.row.start === start && p.row.end === end) ??
          ofActor
            .filter((p) => exact !== undefined && p.row.selector.exact === exact)
            .sort((a, b) => Math.abs(a.row.start - start) - Math.abs(b.row.start - start))[0];
        if (!found || !index) return Promise.resolve({ ok: false });
        cursor.moveTo(index.all(), found.mention);
        const range = found.mention.toRange();
        scrollToMention(range, 'centre');
        flashRange(range);
        return Promise.resolve({ ok: true });
      }
    }
  };

  /** Each shown mention with its row; positions in the page's visible text as `factlens scan` gives them. */
  const mentionRows = (all: readonly PageMention[]): { row: MentionRow; mention: PageMention }[] => {
    const info = { url: location.href, title: document.title, time: new Date().toISOString() };
    const blocks = readBlocks(document).map((b) => ({ text: b.text, key: b.first }));
    const keys = new Set(blocks.map((b) => b.key));
    // rowsInBlocks leaves out mentions whose block is gone: leave them out first, so rows and mentions align.
    const kept = all
      .map((m) => ({ mention: m, block: page.blockOf(m)?.first }))
      .filter((p) => p.block !== undefined && keys.has(p.block));
    const rows = rowsInBlocks(info, blocks, kept.map((p) => ({ ...p.mention, start: p.mention.blockStart, end: p.mention.blockEnd, block: p.block })), page.registry());
    return rows.map((row, i) => ({ row, mention: kept[i]!.mention }));
  };
  options.ctx.use(() => browser.runtime.onMessage.addListener(onMessage), undefined);

  return {
    receive: onMessage,
    pageEvent(event) {
      if (event === 'navigated') {
        lastDistinct = -1;
        lastMentions = '';
      }
      if (event !== 'painted') {
        cursor.reset();
        lastShown = null;
      }
      if (event !== 'navigated') notifyBackground();
    },
    stop: () => {
      if (notifyTimer !== null) clearTimeout(notifyTimer);
      notifyTimer = null;
      options.ctx.use(() => browser.runtime.onMessage.removeListener(onMessage), undefined);
    },
  };
}
