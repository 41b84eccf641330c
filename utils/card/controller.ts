// The card's behaviour on a page: opens it on a mention (hover after a delay, click or tap at once, keyboard
// commands through show()), keeps it next to the mention, and closes it with Escape, a click elsewhere, the
// close button, or the mention leaving the view. One controller per frame: each frame draws its own card.
// The controller is small and ships in the content script; it joins the state machine (card-state.ts), the
// page listeners (card-listeners.ts), the view fetched on first use (lazy-view.ts) and its props
// (card-props.ts).
import type { MentionIndex, PageMention } from '../page/types';
import type { Settings } from '../settings/schema';
import { listenToPage } from './card-listeners';
import { cardViewProps, type CardActions } from './card-props';
import { CardState, type OpenCard, type Origin } from './card-state';
import { createFocusReturn } from './focus-return';
import { HOST_TAG } from './host';
import { createHoverIntent } from './hover-intent';
import { createLazyView, type CardViewSource } from './lazy-view';
import type { ActorEntries, ActorLookup } from './lookup';

export type CardSettings = Pick<Settings, 'cardTrigger' | 'hoverDelayMs' | 'theme' | 'colours'>;


export type CardControllerOptions = CardViewSource & CardControllerBaseOptions;

interface CardControllerBaseOptions {
  index: MentionIndex;
  lookup: ActorLookup;
  /** Every fact base's entry for an id (several stories); the lookup's one entry when not given. */
  entries?: ActorEntries;
  settings: CardSettings;
  /** Asks the background to open the fact-base page (content scripts cannot open extension pages). */
  openFactbase(actorId: string): void;
  doc?: Document;
}

export interface CardController {
  /** Opens the card on a mention (popup's show-mention, the step-mention command, prev/next). */
  show(mention: PageMention, options: { fromKeyboard: boolean }): void;
  close(): void;
  updateSettings(settings: CardSettings): void;
  /** Closes, removes the host and every listener: the page is left as it was. */
  destroy(): void;
}

export function createCardController(options: CardControllerOptions): CardController {
  const doc = options.doc ?? document;
  const { index, lookup } = options;
  let settings = options.settings;
  let destroyed = false;
  const state = new CardState(index);
  const views = createLazyView(options, doc);
  const focusReturn = createFocusReturn(doc);

  /** Starts loading the view (once); a card asked for meanwhile opens when it arrives. */
  const loadView = () =>
    views.load(
      () => {
        const wanted = state.pending;
        state.pending = null;
        if (wanted) show(wanted.mention, wanted.origin, wanted.pinned);
      },
      () => (state.pending = null),
    );

  const hover = createHoverIntent<PageMention>({
    openDelayMs: () => settings.hoverDelayMs,
    openMention: () => state.wantedMention(),
    same: (a, b) => a.id === b.id,
    onOpen: (m) => {
      // A clicked or pinned card is not replaced by passing the pointer.
      if (state.hoverMayOpen()) show(m, 'hover');
    },
    onLeave: () => {
      if (state.closesOnLeave(state.pending)) state.pending = null;
      if (state.closesOnLeave(state.open)) close();
    },
  });

  const isInCard = (event: Event) => {
    const el = views.current()?.host() ?? null;
    return !!el && event.composedPath().includes(el);
  };

  const unlisten = listenToPage(doc, {
    hoverEnabled: () => settings.cardTrigger === 'hover',
    isInCard,
    pointerAt(x, y, overCard) {
      const over = overCard ? null : index.at(x, y);
      // The pointer is on a mention: fetch the view now, so it is there when the hover delay ends.
      if (over) loadView();
      hover.pointerAt(over, overCard);
    },
    pointerLeftPage: () => hover.pointerAt(null, false),
    click(event) {
      if (isInCard(event)) return;
      const mention = index.at(event.clientX, event.clientY);
      if (mention) {
        if (!state.clickOpens(mention)) return;
        hover.cancel();
        show(mention, 'click');
        return;
      }
      if (state.open && !state.open.pinned) close();
    },
    escape(event) {
      if (!state.open) {
        state.pending = null;
        return;
      }
      if (isInCard(event)) {
        // Ours alone: the page should not also react to an Escape pressed inside the card.
        event.stopPropagation();
        event.preventDefault();
      }
      close();
    },
    fullscreenChange: () => views.current()?.place(),
  });

  // A mention that the scanner dropped (its text changed or went away) takes its card with it.
  const unsubscribe = index.onChange(() => {
    if (state.openMentionGone()) close();
    else if (state.open) draw();
  });

  const actions: CardActions = {
    lookup,
    entries: (id) => options.entries?.(id) ?? [lookup(id)].filter((e) => e !== undefined),
    mentionStats: (actorId) => state.mentionStats(actorId),
    togglePin: () => {
      if (!state.open) return;
      state.open.pinned = !state.open.pinned;
      draw();
    },
    close: () => close(),
    step: (actorId, direction) => {
      const next = state.step(actorId, direction);
      if (next) show(next.mention, next.origin, next.pinned);
    },
    openFactbase: (id) => options.openFactbase(id),
  };

  function draw() {
    const view = views.current();
    if (view && state.open) view.redraw(cardViewProps(state.open, actions, settings.colours), settings.theme);
  }

  function show(mention: PageMention, origin: Origin, pinned = false) {
    if (destroyed || !lookup(mention.actorId)) return;
    const view = views.current();
    if (!view) {
      state.pending = { mention, origin, pinned };
      loadView();
      return;
    }
    // Remember where focus was unless it is already in the card (stepping from one mention to the next).
    const host = view.host();
    if (origin === 'keyboard' && !(host && doc.activeElement === host)) focusReturn.remember();
    state.pending = null;
    const current: OpenCard = { mention, range: mention.toRange(), origin, pinned };
    state.open = current;
    view.show(current.range, cardViewProps(current, actions, settings.colours), settings.theme, {
      reveal: origin !== 'hover',
      focus: origin === 'keyboard',
      onReferenceHidden: () => {
        if (state.open === current) close();
      },
    });
  }

  function close() {
    state.pending = null;
    if (!state.open) return;
    state.open = null;
    hover.cancel();
    const view = views.current();
    if (view) {
      focusReturn.restore(view.host());
      view.hide();
    }
  }

  return {
    show: (mention, { fromKeyboard }) => show(mention, fromKeyboard ? 'keyboard' : 'click'),
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
      views.destroy();
      // Another copy of the script (an update) may have left a host behind.
      // Never the page's own <factlens-card> elements (a page that defined the name: see host.ts).
      doc.querySelectorAll(HOST_TAG).forEach((el) => el.matches(':defined') || el.remove());
    },
  };
}
