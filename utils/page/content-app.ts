// The content script's wiring: settings → scanner → what is shown → marks, plus the message API.
// Every frame marks its own document. Only the top frame talks to the popup and the badge (it answers
// get-page-actors / show-mention / step-mention / get-mentions and sends page-actors-changed): a frame's
// mentions live in that frame's DOM, and a count that mixed frames could not be shown or scrolled to.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compileMatcher, findMentions } from '../engine';
import type { ActorKind, CompiledFactBase } from '../factbase/types';
import { ToContentMessage, parseMessage, type MentionRow, type PageActors } from '../messages';
import { isActiveOn, type Settings } from '../settings/schema';
import { loadSettings, watchSettings } from '../settings/storage';
import { HighlightPainter, highlightsSupported, type MarkPainter } from './highlights';
import { PageMentionIndex } from './mention-index';
import { PageScanner, measure } from './scanner';
import type { MentionIndex, PageMention, ShowMentionHook } from './types';
import { WrapPainter } from './wrap-fallback';
import { readBlocks } from './text-index';
import { rowsInBlocks } from '../export/row';
import { createRegistry } from '../factbase/registry';

export interface ContentAppOptions {
  /** The fact bases to match (built-in first, then enabled packs). */
  factBases: () => Promise<CompiledFactBase[]>;
  /** Calls back when the enabled fact bases change. Returns unsubscribe. */
  watchFactBases?: (onChange: () => void) => () => void;
  /** The card (or anything else) that opens on a mention shown from the popup or the keyboard. */
  onShowMention?: ShowMentionHook;
  /** Called once the mention index exists and whenever settings change, with `null` when Factlens stops. */
  onIndex?: (index: MentionIndex | null, settings: Settings) => void;
}

export interface ContentApp {
  /** The current index (null while Factlens is off on this page). */
  index(): MentionIndex | null;
  stop(): void;
}

interface Running {
  scanner: PageScanner;
  index: PageMentionIndex;
  painter: MarkPainter;
}

const isTopFrame = () => {
  try {
    return window.top === window;
  } catch {
    return false;
  }
};

export async function startContentApp(ctx: ContentScriptContext, options: ContentAppOptions): Promise<ContentApp> {
  const doc = document;
  const top = isTopFrame();
  let { settings } = await loadSettings();
  let factBases = await options.factBases();
  let matcher = compileMatcher(factBases);
  let kinds = kindTable(factBases);
  let running: Running | null = null;
  let lastDistinct = -1;
  let cursor = -1; // position of step-mention in index.all()

  const notifyBackground = () => {
    if (!top || ctx.isInvalid) return;
    const distinct = running ? running.index.actorCounts().length : 0;
    if (distinct === lastDistinct) return;
    lastDistinct = distinct;
    browser.runtime.sendMessage({ type: 'page-actors-changed', distinctActors: distinct }).catch(() => {
      /* no listener (background asleep or reloading): the next change tells it */
    });
  };

  const paint = (r: Running) => {
    const start = performance.now();
    r.painter.paint(r.index.all(), settings);
    measure('factlens:mark', start, { marks: r.index.all().length });
    notifyBackground();
  };

  const start = () => {
    if (running || ctx.isInvalid) return;
    const useHighlights = highlightsSupported(window);
    let wrap: WrapPainter | null = null;
    const scanner: PageScanner = new PageScanner({
      root: doc,
      find: (text) => findMentions(text, matcher),
      kindOf: (id) => kinds.get(id),
      onChange: () => {
        if (running?.scanner !== scanner) return;
        running.index.refresh();
        paint(running);
      },
      resolveRange: (m) => (wrap?.isWrapped ? wrap.rangeOf(m) : null),
      // The wrap fallback restores the page before the scanner reads it; onChange wraps again.
      beforeMutationPass: () => wrap?.clear(),
    });
    if (!useHighlights) wrap = new WrapPainter(doc, (m) => scanner.blockOf(m), (work) => scanner.withoutObserving(work));
    const painter: MarkPainter = wrap ?? new HighlightPainter(window);
    const index = new PageMentionIndex(scanner, doc, filterOf(settings));
    if (wrap) {
      const w = wrap;
      index.markAt = (x, y) => w.mentionAt(doc.elementFromPoint(x, y));
    }
    running = { scanner, index, painter };
    options.onIndex?.(index, settings);
    void scanner.start().catch((error: unknown) => console.error('Factlens: scan failed', error));
  };

  const stop = () => {
    if (!running) return;
    const r = running;
    running = null;
    r.scanner.stop();
    r.painter.clear();
    r.index.reset();
    cursor = -1;
    options.onIndex?.(null, settings);
    notifyBackground();
  };

  const restart = () => {
    stop();
    if (isActiveOn(settings, location.hostname)) start();
  };

  const applySettings = (next: Settings) => {
    const previous = settings;
    settings = next;
    const active = isActiveOn(next, location.hostname);
    if (!active) return stop();
    if (!running) return start();
    // Kinds, first-mention-only and the look change what is shown, not what was found: no rescan.
    if (
      JSON.stringify([previous.kinds, previous.firstMentionOnly]) !== JSON.stringify([next.kinds, next.firstMentionOnly])
    ) {
      running.index.setFilter(filterOf(next));
    }
    paint(running);
    options.onIndex?.(running.index, next);
  };

  const unwatchSettings = watchSettings(({ settings: next }) => applySettings(next));
  const unwatchBases = options.watchFactBases?.(() => {
    void options.factBases().then((bases) => {
      factBases = bases;
      matcher = compileMatcher(bases);
      kinds = kindTable(bases);
      restart();
    });
  });

  // Single-page apps: the DOM changes are followed by the MutationObserver; a new address may be a site
  // where Factlens is off (same hostname, so rarely) and always asks for a fresh badge count.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    cursor = -1;
    lastDistinct = -1;
    if (isActiveOn(settings, location.hostname) !== !!running) restart();
    else notifyBackground();
  });

  const show = (mention: PageMention, fromKeyboard: boolean) => {
    const range = mention.toRange();
    const element = range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', inline: 'nearest' });
    options.onShowMention?.(mention, { fromKeyboard });
  };

  const onMessage = (raw: unknown): Promise<unknown> | undefined => {
    if (!top) return undefined; // let the top frame answer
    const parsed = parseMessage(ToContentMessage, raw);
    if (!parsed.ok) return undefined; // not ours (or malformed): other listeners may answer
    const message = parsed.message;
    const index = running?.index ?? null;
    switch (message.type) {
      case 'get-page-actors': {
        const answer: PageActors = {
          url: location.href,
          active: !!running,
          actors: index?.actorCounts() ?? [],
        };
        return Promise.resolve(answer);
      }
      case 'show-mention': {
        const mention = index?.ofActor(message.actorId)[message.index];
        if (!mention || !index) return Promise.resolve({ ok: false });
        cursor = index.all().indexOf(mention);
        show(mention, false);
        return Promise.resolve({ ok: true });
      }
      case 'step-mention': {
        const all = index?.all() ?? [];
        if (all.length === 0) return Promise.resolve({ ok: false });
        const step = message.direction === 'next' ? 1 : -1;
        cursor = cursor < 0 ? (step > 0 ? 0 : all.length - 1) : (cursor + step + all.length) % all.length;
        show(all[cursor]!, true);
        return Promise.resolve({ ok: true });
      }
      case 'get-mentions': {
        const r = running;
        if (!r) return Promise.resolve([]);
        // Positions in the page's visible text as `factlens scan` gives them: the blocks read afresh, once.
        const page = { url: location.href, title: doc.title, time: new Date().toISOString() };
        const blocks = readBlocks(doc).map((b) => ({ text: b.text, key: b.nodes[0] }));
        const mentions = r.index.all().map((m) => ({ ...m, start: m.blockStart, end: m.blockEnd, block: r.scanner.blockOf(m)?.nodes[0] }));
        const rows: MentionRow[] = rowsInBlocks(page, blocks, mentions, createRegistry(factBases));
        return Promise.resolve(rows);
      }
    }
  };
  browser.runtime.onMessage.addListener(onMessage);

  const app: ContentApp = {
    index: () => running?.index ?? null,
    stop: () => {
      stop();
      unwatchSettings();
      unwatchBases?.();
      browser.runtime.onMessage.removeListener(onMessage);
    },
  };
  // Extension updated or reloaded: this copy of the script stops, leaving no mark and no listener.
  ctx.onInvalidated(() => app.stop());

  if (isActiveOn(settings, location.hostname)) start();
  else notifyBackground();
  return app;
}

function filterOf(settings: Settings) {
  return { kinds: settings.kinds, firstMentionOnly: settings.firstMentionOnly };
}

/** Actor id → kind; the first fact base that defines an id wins, as in the engine. */
function kindTable(factBases: CompiledFactBase[]): Map<string, ActorKind> {
  const table = new Map<string, ActorKind>();
  for (const base of factBases) for (const actor of base.actors) if (!table.has(actor.id)) table.set(actor.id, actor.kind);
  return table;
}
