// The card's behaviour on a page: opens it on a mention (hover after a delay, click or tap at once, keyboard
// commands through show()), keeps it next to the mention, and closes it with Escape, a click elsewhere, the
// close button, or the mention leaving the view. One controller per frame: each frame draws its own card.
// The controller is small and ships in the content script; the view (Preact, Floating UI, the Card) is
// given directly (tests, fixture page) or loaded on the first open (the extension: see ui-loader.ts).
import type { MentionStats, StepDirection } from '../../components/card/Card';
import type { MentionIndex, PageMention } from '../page/types';
import type { Settings } from '../settings/schema';
import { HOST_TAG } from './host';
import { createFocusReturn } from './focus-return';
import { createHoverIntent } from './hover-intent';
import type { ActorLookup } from './lookup';
import type { CardView, CardViewProps, CreateCardView } from './view-types';

export type CardSettings = Pick<Settings, 'cardTrigger' | 'hoverDelayMs' | 'theme' | 'colours'>;

/** The card's view: a factory at hand, or a loader called when a card is first wanted. */
export type CardViewSource = { view: CreateCardView } | { loadView(): Promise<CreateCardView> };

export type CardControllerOptions = CardViewSource & CardControllerBaseOptions;

interface CardControllerBaseOptions {
  index: MentionIndex;
  lookup: ActorLookup;
  settings: CardSettings;
  /** Asks the background to open the fact-base page (content scripts cannot open extension pages). */
  openFactbase(actorId: string): void;
  doc?: Document;
}

export interface CardController {
  /** Opens the card on a mention (popup's show-mention, the step-mention command, prev/next). */
  show(mention: PageMention, options: { fromKeyboard: boolean }): void;
  /** The mention whose card is open, if any (a start point for step-mention). */
  current(): PageMention | null;
  close(): void;
  updateSettings(settings: CardSettings): void;
  /** Closes, removes the host and every listener: the page is left as it was. */
  destroy(): void;
}

type Origin = 'hover' | 'click' | 'keyboard';

interface OpenCard {
  mention: PageMention;
  range: Range;
  origin: Origin;
  pinned: boolean;
}

/** A card asked for while the view is still loading. */
interface PendingOpen {
  mention: PageMention;
  origin: Origin;
  pinned: boolean;
}

export function createCardController(options: CardControllerOptions): CardController {
  const doc = options.doc ?? document;
  const win = doc.defaultView ?? window;
  const { index, lookup } = options;
  let settings = options.settings;
  let view: CardView | null = 'view' in options ? options.view(doc) : null;
  let viewLoading = false;
  let pending: PendingOpen | null = null;
  let open: OpenCard | null = null;
  let destroyed = false;
  const focusReturn = createFocusReturn(doc);
  const hostEl = () => view?.host() ?? null;

  /** Starts loading the view (once); a card asked for meanwhile opens when it arrives. */
  const loadView = () => {
    if (view || viewLoading || destroyed || !('loadView' in options)) return;
    viewLoading = true;
    options.loadView().then(
      (create) => {
        viewLoading = false;
        if (destroyed) return;
        view = create(doc);
        const wanted = pending;
        pending = null;
        if (wanted) show(wanted.mention, wanted.origin, wanted.pinned);
      },
      () => {
        // Extension reloaded or removed under the page: no card, and a later open tries again.
        viewLoading = false;
        pending = null;
      },
    );
  };

  const hover = createHoverIntent<PageMention>({
    openDelayMs: () => settings.hoverDelayMs,
    openMention: () => open?.mention ?? pending?.mention ?? null,
    same: (a, b) => a.id === b.id,
    onOpen: (m) => {
      const current = open ?? pending;
      if (current?.pinned) return;
      if (current && current.origin !== 'hover') return; // a clicked card is not replaced by passing the pointer
      show(m, 'hover');
    },
    onLeave: () => {
      if (pending && pending.origin === 'hover' && !pending.pinned) pending = null;
      if (open && open.origin === 'hover' && !open.pinned) close();
    },
  });

  const isInCard = (event: Event) => {
    const el = hostEl();
    return !!el && event.composedPath().includes(el);
  };

  // --- page listeners (pointer, click, keys, fullscreen); passive and capturing, never cancelling the page's
  let frame = 0;
  let lastPointer: { x: number; y: number; overCard: boolean } | null = null;
  const onPointerMove = (event: PointerEvent) => {
    if (event.pointerType === 'touch' || settings.cardTrigger !== 'hover') return;
    lastPointer = { x: event.clientX, y: event.clientY, overCard: isInCard(event) };
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      const p = lastPointer;
      if (!p || destroyed) return;
      const over = p.overCard ? null : index.at(p.x, p.y);
      // The pointer is on a mention: fetch the view now, so it is there when the hover delay ends.
      if (over) loadView();
      hover.pointerAt(over, p.overCard);
    });
  };
  const onPointerLeavePage = (event: PointerEvent) => {
    if (event.relatedTarget === null && settings.cardTrigger === 'hover') hover.pointerAt(null, false);
  };
  const onClick = (event: MouseEvent) => {
    if (isInCard(event)) return;
    const mention = index.at(event.clientX, event.clientY);
    if (mention) {
      if (open?.mention.id === mention.id && open.origin !== 'hover') return;
      hover.cancel();
      show(mention, 'click');
      return;
    }
    if (open && !open.pinned) close();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    if (!open) {
      pending = null;
      return;
    }
    if (isInCard(event)) {
      // Ours alone: the page should not also react to an Escape pressed inside the card.
      event.stopPropagation();
      event.preventDefault();
    }
    close();
  };
  const onFullscreenChange = () => view?.place();
  let listening = false;
  const listen = () => {
    if (listening) return;
    listening = true;
    doc.addEventListener('pointermove', onPointerMove, { capture: true, passive: true });
    doc.documentElement.addEventListener('pointerleave', onPointerLeavePage, { passive: true });
    doc.addEventListener('click', onClick, { capture: true, passive: true });
    doc.addEventListener('keydown', onKeyDown, { capture: true });
    doc.addEventListener('fullscreenchange', onFullscreenChange);
  };
  const unlisten = () => {
    if (!listening) return;
    listening = false;
    doc.removeEventListener('pointermove', onPointerMove, { capture: true });
    doc.documentElement.removeEventListener('pointerleave', onPointerLeavePage);
    doc.removeEventListener('click', onClick, { capture: true });
    doc.removeEventListener('keydown', onKeyDown, { capture: true });
    doc.removeEventListener('fullscreenchange', onFullscreenChange);
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
  };

  // Listening adds nothing to the page's DOM; the host itself waits for the first card.
  listen();

  // A mention that the scanner dropped (its text changed or went away) takes its card with it.
  const unsubscribe = index.onChange(() => {
    if (pending && !index.all().some((m) => m.id === pending!.mention.id)) pending = null;
    if (open && !index.all().some((m) => m.id === open!.mention.id)) close();
    else if (open) draw();
  });

  const mentionStats = (actorId: string): MentionStats => {
    const list = index.ofActor(actorId);
    const at = open && open.mention.actorId === actorId ? list.findIndex((m) => m.id === open!.mention.id) : -1;
    return { count: list.length, index: at >= 0 ? at : null };
  };

  const step = (actorId: string, direction: StepDirection) => {
    const list = index.ofActor(actorId);
    if (list.length === 0 || !open) return;
    const at = open.mention.actorId === actorId ? list.findIndex((m) => m.id === open!.mention.id) : -1;
    let next: PageMention | undefined;
    if (at < 0) next = direction === 'next' ? list[0] : list[list.length - 1];
    else next = list[(at + (direction === 'next' ? 1 : list.length - 1)) % list.length];
    // As a click: focus stays on the button pressed, and the card stays until dismissed.
    if (next) show(next, 'click', open.pinned);
  };

  function cardProps(current: OpenCard): CardViewProps {
    return {
      actorId: current.mention.actorId,
      mentionKey: current.mention.id,
      lookup,
      mentionStats,
      surface: current.mention.surface,
      reason: current.mention.reason,
      pinned: current.pinned,
      onTogglePin: () => {
        if (!open) return;
        open.pinned = !open.pinned;
        draw();
      },
      onClose: () => close(),
      onStep: step,
      onOpenFactbase: (id: string) => options.openFactbase(id),
      kindColours: settings.colours,
    };
  }

  function draw() {
    if (view && open) view.redraw(cardProps(open), settings.theme);
  }

  function show(mention: PageMention, origin: Origin, pinned = false) {
    if (destroyed || !lookup(mention.actorId)) return;
    if (!view) {
      pending = { mention, origin, pinned };
      loadView();
      return;
    }
    // Remember where focus was unless it is already in the card (stepping from one mention to the next).
    const host = view.host();
    if (origin === 'keyboard' && !(host && doc.activeElement === host)) focusReturn.remember();
    pending = null;
    const current: OpenCard = { mention, range: mention.toRange(), origin, pinned };
    open = current;
    view.show(current.range, cardProps(current), settings.theme, {
      reveal: origin !== 'hover',
      focus: origin === 'keyboard',
      onReferenceHidden: () => {
        if (open === current) close();
      },
    });
  }

  function close() {
    pending = null;
    if (!open) return;
    open = null;
    hover.cancel();
    if (view) {
      focusReturn.restore(view.host());
      view.hide();
    }
  }

  return {
    show: (mention, { fromKeyboard }) => show(mention, fromKeyboard ? 'keyboard' : 'click'),
    current: () => open?.mention ?? pending?.mention ?? null,
    close,
    updateSettings(next) {
      settings = next;
      if (settings.cardTrigger !== 'hover') hover.cancel();
      draw();
    },
    destroy() {
      if (destroyed) return;
      close();
      destroyed = true;
      unlisten();
      unsubscribe();
      view?.remove();
      view = null;
      // Another copy of the script (an update) may have left a host behind.
      doc.querySelectorAll(HOST_TAG).forEach((el) => el.remove());
    },
  };
}
