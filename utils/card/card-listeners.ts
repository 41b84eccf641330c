// The card's page listeners: pointer moves (one hit test per frame), the pointer leaving the page, clicks,
// Escape and fullscreen changes. Capturing, never cancelling the page's events (Escape inside the card alone
// is the card's; a trusted tap on a linked mention opens its card first: linked-mention.ts). Listening adds nothing to the page's DOM.

export interface CardListenerHandlers {
  /** Whether pointer moves matter now (the card opens on hover). */
  hoverEnabled(): boolean;
  /** Whether an event happened inside the card. */
  isInCard(event: Event): boolean;
  /** Once per animation frame, the pointer's last place (client coordinates) and whether it is over the card. */
  pointerAt(x: number, y: number, overCard: boolean): void;
  pointerLeftPage(): void;
  click(event: MouseEvent): void;
  escape(event: KeyboardEvent): void;
  fullscreenChange(): void;
}

/**
 * Whether an event came from the user (the browser), not from a page script's dispatchEvent: a page must
 * not open, move or close the card by itself. Test environments without trusted events (happy-dom) turn
 * the check off with `acceptSyntheticEvents`.
 */
let syntheticAccepted = false;
const fromUser = (event: Event) => event.isTrusted || syntheticAccepted;

/** For DOM tests only (happy-dom dispatches nothing trusted). */
export function acceptSyntheticEvents(on = true): void {
  syntheticAccepted = on;
}

/** Starts listening on the page; returns the function that stops. */
export function listenToPage(doc: Document, handlers: CardListenerHandlers): () => void {
  const win = doc.defaultView ?? window;
  let frame = 0;
  let lastPointer: { x: number; y: number; overCard: boolean } | null = null;
  let stopped = false;

  const onPointerMove = (event: PointerEvent) => {
    if (!fromUser(event) || event.pointerType === 'touch' || !handlers.hoverEnabled()) return;
    lastPointer = { x: event.clientX, y: event.clientY, overCard: handlers.isInCard(event) };
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      const p = lastPointer;
      if (p && !stopped) handlers.pointerAt(p.x, p.y, p.overCard);
    });
  };
  const onPointerLeavePage = (event: PointerEvent) => {
    if (fromUser(event) && event.relatedTarget === null && handlers.hoverEnabled()) handlers.pointerLeftPage();
  };
  const onClick = (event: MouseEvent) => fromUser(event) && handlers.click(event);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && fromUser(event)) handlers.escape(event);
  };
  const onFullscreenChange = () => handlers.fullscreenChange();

  doc.addEventListener('pointermove', onPointerMove, { capture: true, passive: true });
  doc.documentElement.addEventListener('pointerleave', onPointerLeavePage, { passive: true });
  doc.addEventListener('click', onClick, { capture: true });
  doc.addEventListener('keydown', onKeyDown, { capture: true });
  doc.addEventListener('fullscreenchange', onFullscreenChange);
  return () => {
    if (stopped) return;
    stopped = true;
    doc.removeEventListener('pointermove', onPointerMove, { capture: true });
    doc.documentElement.removeEventListener('pointerleave', onPointerLeavePage);
    doc.removeEventListener('click', onClick, { capture: true });
    doc.removeEventListener('keydown', onKeyDown, { capture: true });
    doc.removeEventListener('fullscreenchange', onFullscreenChange);
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
  };
}
