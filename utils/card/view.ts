// The card's view: mounts the Card (Preact) in Factlens's shadow-root host and keeps it next to the mention
// (Floating UI). Lives in the card UI bundle, loaded on the first card open (see view-types.ts).
import { h, render } from 'preact';
import { Card } from '../../components/card/Card';
import { createCardHost, type CardHost } from './host';
import { placeNextTo, rangeReference } from './placement';
import { scrollToMention } from '../page/mention-cursor';
import CARD_CSS from '../../components/card/card.css?inline';
import type { CardView, CardViewProps } from './view-types';

export function createCardView(doc: Document): CardView {
  const win = doc.defaultView ?? window;
  let host: CardHost | null = null;
  let stopPlacement: (() => void) | undefined;
  let shown = false;

  const draw = (props: CardViewProps, theme: string) => {
    if (!host) return;
    host.container.dataset.theme = theme;
    render(h('div', { class: 'floating' }, h(Card, props)), host.container);
  };

  const hide = () => {
    stopPlacement?.();
    stopPlacement = undefined;
    if (host && shown) render(null, host.container);
    shown = false;
  };

  return {
    host: () => host?.host ?? null,
    show(range, props, theme, options) {
      stopPlacement?.();
      stopPlacement = undefined;
      if (!host) host = createCardHost(doc, CARD_CSS);
      host.place();
      if (options.reveal) scrollToMention(range, 'if-hidden', win);
      shown = true;
      draw(props, theme);
      const floating = host.container.firstElementChild as HTMLElement | null;
      if (!floating) return;
      stopPlacement = placeNextTo(rangeReference(range), floating, { onReferenceHidden: options.onReferenceHidden });
      if (options.focus) floating.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
    },
    redraw(props, theme) {
      if (shown) draw(props, theme);
    },
    hide,
    place: () => host?.place(),
    remove() {
      hide();
      host?.remove();
      host = null;
    },
  };
}
