// The card's behaviour on a page: opens it on a mention (hover after a delay, click or tap at once, keyboard
// commands through show()), keeps it next to the mention, and closes it with Escape, a click elsewhere, the
// close button, or the mention leaving the view. One controller per frame: each frame draws its own card.
import { h, render } from 'preact';
import { Card, type MentionStats, type StepDirection } from '../../components/card/Card';
import type { MentionIndex, PageMention } from '../page/types';
import type { Settings } from '../settings/schema';
import { createCardHost, HOST_TAG, type CardHost } from './host';
import { createFocusReturn } from './focus-return';
import { createHoverIntent } from './hover-intent';
import type { ActorLookup } from './lookup';
import { placeNextTo, rangeReference, revealRange } from './placement';
import { CARD_CSS } from './styles';

export type CardSettings = Pick<Settings, 'cardTrigger' | 'hoverDelayMs' | 'theme' | 'colours'>;

export interface CardControllerOptions {
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
  stopPlacement?: () => void;
}

export function createCardController(options: CardControllerOptions): CardController {
  const doc = options.doc ?? document;
  const win = doc.defaultView ?? window;
  const { index, lookup } = options;
  let settings = options.settings;
  let host: CardHost | null = null;
  let open: OpenCard | null = null;
  let destroyed = false;
  const focusReturn = createFocusReturn(doc);

  const hover = createHoverIntent<PageMention>({
    openDelayMs: () => settings.hoverDelayMs,
    openMention: () => open?.mention ?? null,
    same: (a, b) => a.id === b.id,
    onOpen: (m) => {
      if (open?.pinned) return;
      if (open && open.origin !== 'hover') return; // a clicked card is not replaced by passing the pointer
      show(m, 'hover');
    },
    onLeave: () => {
      if (open && open.origin === 'hover' && !open.pinned) close();
    },
  });

  const isInCard = (event: Event) => !!host && event.composedPath().includes(host.host);

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
      hover.pointerAt(p.overCard ? null : index.at(p.x, p.y), p.overCard);
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
    if (event.key !== 'Escape' || !open) return;
    if (host && event.composedPath().includes(host.host)) {
      // Ours alone: the page should not also react to an Escape pressed inside the card.
      event.stopPropagation();
      event.preventDefault();
    }
    close();
  };
  const onFullscreenChange = () => host?.place();
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

  function draw() {
    if (!host || !open) return;
    const current = open;
    host.container.dataset.theme = settings.theme;
    render(
      h(
        'div',
        { class: 'floating' },
        h(Card, {
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
        }),
      ),
      host.container,
    );
  }

  function show(mention: PageMention, origin: Origin, pinned = false) {
    if (destroyed || !lookup(mention.actorId)) return;
    open?.stopPlacement?.();
    // Remember where focus was unless it is already in the card (stepping from one mention to the next).
    if (origin === 'keyboard' && !(host && doc.activeElement === host.host)) focusReturn.remember();
    if (!host) host = createCardHost(doc, CARD_CSS);
    host.place();
    const range = mention.toRange();
    if (origin !== 'hover') revealRange(range, win);
    open = { mention, range, origin, pinned };
    draw();
    const floating = host.container.firstElementChild as HTMLElement | null;
    if (!floating) return;
    const current = open;
    current.stopPlacement = placeNextTo(rangeReference(range), floating, {
      onReferenceHidden: () => {
        if (open === current) close();
      },
    });
    if (origin === 'keyboard') {
      floating.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
    }
  }

  function close() {
    if (!open) return;
    const closing = open;
    open = null;
    closing.stopPlacement?.();
    hover.cancel();
    if (host) {
      focusReturn.restore(host.host);
      render(null, host.container);
    }
  }

  return {
    show: (mention, { fromKeyboard }) => show(mention, fromKeyboard ? 'keyboard' : 'click'),
    current: () => open?.mention ?? null,
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
      host?.remove();
      host = null;
      // Another copy of the script (an update) may have left a host behind.
      doc.querySelectorAll(HOST_TAG).forEach((el) => el.remove());
    },
  };
}
