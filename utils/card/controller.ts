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
import { isTouchClick, linkOf } from './linked-mention';
import { createCurrentMark } from '../page/current-mark';
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
  const currentMark = createCurrentMark((doc.defaultView ?? window) as Window & typeof globalThis);

  /** Starts loading the view (once); a card asked for meanwhile opens when it arrives. */
  const loadView = () =>
    views.load(
      () => {
        const wanted = state.pending;
        state.pending = null;
        if (wanted) show(wanted.mention, wanted.origin, wanted.pinned, wanted.link);
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
      const over = state.hoverTarget(overCard ? null : index.at(x, y));
      // The pointer is on a mention: fetch the view now, so it is there when the hover delay ends.
      if (over) loadView();
      hover.pointerAt(over, overCard);
    },
    pointerLeftPage: () => hover.pointerAt(null, false),
    click(event) {
      if (isInCard(event)) return;
      const mention = index.at(event.clientX, event.clientY);
      if (mention) {
        const link = linkOf(mention);
        if (link) {
          // A mouse over a link: hover shows the card and the click follows the link. A tap (or a click when
          // cards open on click) opens the card first; a second one on the same mention follows the link.
          if (!isTouchClick(event) && settings.cardTrigger === 'hover') return;
          if (state.open?.mention.id === mention.id || !event.isTrusted) return;
          event.preventDefault();
        }
        if (!state.clickOpens(mention)) return;
        hover.cancel();
        show(mention, 'click', false, link ?? undefined);
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
      state.dismiss();
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
    openLink: () => {
      const link = state.open?.link;
      close();
      // Untrusted, so our click listener lets it through: the page's own handlers and navigation take it.
      link?.click();
    },
  };

  function draw() {
    const view = views.current();
    if (view && state.open) view.redraw(cardViewProps(state.open, actions, settings.colours), settings.theme);
  }

  /** "Russia, mention 3 of 12": what the live region says when the keyboard path opens or steps. */
  function announcement(mention: PageMention): string {
    const name = lookup(mention.actorId)?.actor.name ?? mention.surface;
    const { count, index: at } = state.mentionStats(mention.actorId);
    return at === null ? name : `${name}, mention ${at + 1} of ${count}`;
  }

  function show(mention: PageMention, origin: Origin, pinned = false, link?: HTMLAnchorElement) {
    if (destroyed || !lookup(mention.actorId)) return;
    const view = views.current();
    if (!view) {
      state.pending = { mention, origin, pinned, link };
      loadView();
      return;
    }
    // Remember where focus was unless it is already in the card (stepping from one mention to the next).
    const host = view.host();
    if (origin === 'keyboard' && !(host && doc.activeElement === host)) focusReturn.remember();
    state.pending = null;
    const current: OpenCard = { mention, range: mention.toRange(), origin, pinned, link };
    state.open = current;
    // Stepped to (keyboard, popup, previous/next): shown on the page as the current mention.
    if (origin !== 'hover') currentMark.show(mention.range);
    else currentMark.clear();
    view.show(current.range, cardViewProps(current, actions, settings.colours), settings.theme, {
      reveal: origin !== 'hover',
      focus: origin === 'keyboard',
      announce: origin === 'hover' ? undefined : announcement(mention),
      onReferenceHidden: () => {
        // A pinned card stays (at the viewport's edge) when its mention scrolls away.
        if (state.open === current && !current.pinned) close();
      },
      onTabOut: () => focusReturn.restore(view.host(), current.range),
    });
  }

  function close() {
    state.pending = null;
    const closing = state.open;
    if (!closing) return;
    state.open = null;
    hover.cancel();
    currentMark.clear();
    const view = views.current();
    if (view) {
      focusReturn.restore(view.host(), closing.range);
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
