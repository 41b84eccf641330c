// The page's lifecycle in every frame: settings → scanner → what is shown → marks. Starts when Factlens is on
// for the site, stops when it is turned off, rescans when the fact bases change, follows single-page-app
// navigation, and leaves nothing behind when the script is invalidated. It tells its listener what happened
// (the top frame's message API, top-frame-api.ts, keeps the badge and its cursor from that).
import type { ExtensionContext } from './extension-context';
import { compileMatcherInSlices } from '../engine';
import type { FactBaseRegistry } from '../factbase/registry';
import type { CompiledFactBase } from '../factbase/types';
import { isActiveOn, type Settings } from '../settings/shape';
import { loadSettings, watchSettings } from '../settings/watch';
import type { FrameChanges } from '../packs/frame-data';
import { HighlightPainter, highlightsSupported, type MarkPainter } from './highlights';
import { PageMentionIndex } from './mention-index';
import { measure } from './measure';
import { PageScanner } from './scanner';
import { yieldToPage } from './time-slices';
import type { MentionIndex, PageMention } from './types';
import type { TextBlock } from './text-index';
import { WrapPainter } from './wrap-fallback';

export interface PageLifecycleOptions {
  /** The fact bases to match (built-in first, then enabled packs). */
  factBases: () => Promise<CompiledFactBase[]>;
  /** The settings at start (default: a storage read of its own). */
  loadSettings?: () => Promise<{ settings: Settings }>;
  /**
   * Hears the settings and the fact bases change, in one storage listener (the frame's, FrameData.watch).
   * Returns unsubscribe. Default: the settings alone (watchSettings), the bases never.
   */
  watch?: (on: FrameChanges) => () => void;
  /** Called once the mention index exists and whenever settings change, with `null` when Factlens stops. */
  onIndex?: (index: MentionIndex | null, settings: Settings) => void;
}

/** 'painted': what is shown may have changed; 'stopped': no mention is shown; 'navigated': a new address. */
export type PageEvent = 'painted' | 'stopped' | 'navigated';

export interface PageLifecycle {
  /** The current index (null while Factlens is off on this page). */
  index(): PageMentionIndex | null;
  /** The fact bases in force, asked which actor an id names. */
  registry(): FactBaseRegistry;
  /** The block of visible text a shown mention was found in (its first node places it in the page's text). */
  blockOf(mention: PageMention): TextBlock | undefined;
  /** Starts on the page if Factlens is on for it (after the listener is in place). */
  begin(): void;
  /** Stops, forgets every listener; the page is left as it was. */
  stop(): void;
}

interface Running {
  scanner: PageScanner;
  index: PageMentionIndex;
  painter: MarkPainter;
}

export async function createPageLifecycle(
  ctx: ExtensionContext,
  options: PageLifecycleOptions,
  onEvent: (event: PageEvent) => void = () => {},
): Promise<PageLifecycle> {
  const doc = document;
  const prepareStart = performance.now();
  let { settings } = await (options.loadSettings ?? loadSettings)();
  // In slices: a big pack's compile (hundreds of ms) must not be one long task of the page. The matcher's
  // registry is the page's: one per set of bases in force (each is a pass over every actor).
  let matcher = await compileMatcherInSlices(await options.factBases(), yieldToPage);
  let registry = matcher.registry;
  // From here to the matcher in hand (the frame's record read and parsed, its bases made, the matcher hydrated).
  measure('factlens:prepare', prepareStart, { actors: matcher.actors.length });
  let running: Running | null = null;

  const paint = (r: Running) => {
    const start = performance.now();
    r.painter.paint(r.index.all(), settings);
    measure('factlens:mark', start, { marks: r.index.all().length });
    onEvent('painted');
  };

  const start = () => {
    if (running || !ctx.valid || doc.designMode === 'on') return;
    const useHighlights = highlightsSupported(window);
    let wrap: WrapPainter | null = null;
    const scanner: PageScanner = new PageScanner({
      root: doc,
      matcher,
      kindOf: (id) => registry.describe(id)?.kind,
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
    options.onIndex?.(null, settings);
    onEvent('stopped');
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

  let compiles = 0;
  const recompile = () => {
    const mine = ++compiles;
    void options.factBases().then(async (bases) => {
      const next = await compileMatcherInSlices(bases, yieldToPage);
      if (mine !== compiles) return; // a later change is compiling: it wins
      registry = next.registry;
      matcher = next;
      restart();
    });
  };
  const unwatch = options.watch
    ? options.watch({ settings: ({ settings: next }) => applySettings(next), factBases: recompile })
    : watchSettings(({ settings: next }) => applySettings(next));

  // Single-page apps: the DOM changes are followed by the MutationObserver; a new address may be a site
  // where Factlens is off (same hostname, so rarely) and always asks for a fresh badge count.
  const unwatchLocation = ctx.onLocationChange(() => {
    onEvent('navigated');
    if (isActiveOn(settings, location.hostname) !== !!running) restart();
    else onEvent('painted');
  });

  // Cheap checks on the context's tick, for what fires no event: designMode turned on (the document is now
  // editable: no marks) or off again, and a page that cleared or replaced our highlights.
  const unwatchTick = ctx.onTick(() => {
    const editable = doc.designMode === 'on';
    if (editable && running) return stop();
    if (!editable && !running && isActiveOn(settings, location.hostname)) return start();
    if (running && running.painter.restore?.()) onEvent('painted');
  });

  return {
    index: () => running?.index ?? null,
    registry: () => registry,
    blockOf: (mention) => running?.scanner.blockOf(mention),
    begin() {
      if (isActiveOn(settings, location.hostname)) start();
      else onEvent('stopped');
    },
    stop() {
      stop();
      unwatch();
      unwatchLocation();
      unwatchTick();
    },
  };
}

function filterOf(settings: Settings) {
  return { kinds: settings.kinds, firstMentionOnly: settings.firstMentionOnly };
}
