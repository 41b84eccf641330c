// The card's view: mounts the Card (Preact) in Factlens's shadow-root host and keeps it next to the mention
// (Floating UI). Lives in the card UI bundle, loaded on the first card open (see view-types.ts).
import { h, render } from 'preact';
import { Card } from '../../components/card/Card';
import { createCardHost, type CardHost } from './host';
import { placeNextTo, rangeReference } from './placement';
import { scrollToMention } from '../page/mention-cursor';
import CARD_CSS from '../../components/card/card.css?inline';
import { resolveTheme, watchScheme } from './theme';
import type { CardShowOptions, CardView, CardViewProps } from './view-types';
import type { Settings } from '../settings/schema';

const FOCUSABLE = 'button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

export function createCardView(doc: Document): CardView {
  const win = doc.defaultView ?? window;
  let host: CardHost | null = null;
  let stopPlacement: (() => void) | undefined;
  let shown = false;
  let theme: Settings['theme'] = 'auto';
  let live: HTMLElement | null = null;
  let onTabOut: CardShowOptions['onTabOut'] | null = null;
  const applyTheme = () => {
    if (host) host.container.dataset.theme = resolveTheme(theme, scheme.prefersDark());
  };
  const scheme = watchScheme(win, applyTheme);

  // Tab on the card's last control goes back to the page, not on to the end of the document.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey || !host) return;
    const controls = [...host.container.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const last = controls[controls.length - 1];
    if (last && host.shadow.activeElement === last && onTabOut) {
      event.preventDefault();
      onTabOut();
    }
  };

  const ensureHost = (): CardHost => {
    if (host) return host;
    host = createCardHost(doc, CARD_CSS);
    host.container.addEventListener('keydown', onKeyDown);
    // The live region lives as long as the host, so a change of its text is heard.
    live = doc.createElement('div');
    live.className = 'visually-hidden';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    host.shadow.append(live);
    return host;
  };

  const draw = (props: CardViewProps, next: Settings['theme']) => {
    if (!host) return;
    theme = next;
    applyTheme();
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
      const box = ensureHost();
      box.place();
      onTabOut = options.onTabOut;
      if (live) live.textContent = options.announce ?? '';
      if (options.reveal) scrollToMention(range, 'if-hidden', win);
      shown = true;
      draw(props, theme);
      const floating = box.container.firstElementChild as HTMLElement | null;
      if (!floating) return;
      stopPlacement = placeNextTo(rangeReference(range), floating, { onReferenceHidden: options.onReferenceHidden });
      if (options.focus) floating.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
    },
    redraw(props, theme) {
      if (shown) draw(props, theme);
    },
    hide() {
      hide();
      onTabOut = null;
      if (live) live.textContent = '';
    },
    place: () => host?.place(),
    remove() {
      hide();
      scheme.stop();
      host?.remove();
      host = null;
      live = null;
    },
  };
}
