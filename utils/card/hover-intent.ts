// When a hover opens or closes the card: open after a delay over a mention (so passing the pointer over text
// opens nothing), stay open while the pointer is on the mention or the card (WCAG 1.4.13 "hoverable"), and
// close after a short grace when it has left both (so the pointer can cross the gap between them).

export interface HoverIntentOptions<M> {
  openDelayMs(): number;
  closeDelayMs?: number;
  /** The mention the open card belongs to, if a card is open. */
  openMention(): M | null;
  same(a: M, b: M): boolean;
  onOpen(mention: M): void;
  onLeave(): void;
}

export interface HoverIntent<M> {
  /** Where the pointer is now: over a mention (or null), and whether it is over the card. */
  pointerAt(mention: M | null, overCard: boolean): void;
  cancel(): void;
}

export function createHoverIntent<M>(options: HoverIntentOptions<M>): HoverIntent<M> {
  const closeDelay = options.closeDelayMs ?? 300;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let pending: M | null = null;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;

  const cancelOpen = () => {
    clearTimeout(openTimer);
    openTimer = undefined;
    pending = null;
  };
  const cancelClose = () => {
    clearTimeout(closeTimer);
    closeTimer = undefined;
  };

  return {
    pointerAt(mention, overCard) {
      const open = options.openMention();
      if (overCard) {
        cancelOpen();
        cancelClose();
        return;
      }
      if (mention && open && options.same(mention, open)) {
        cancelOpen();
        cancelClose();
        return;
      }
      if (mention) {
        if (pending && options.same(pending, mention)) return;
        cancelOpen();
        pending = mention;
        const delay = options.openDelayMs();
        openTimer = setTimeout(() => {
          const target = pending;
          cancelOpen();
          cancelClose();
          if (target) options.onOpen(target);
        }, delay);
        return;
      }
      cancelOpen();
      if (open && closeTimer === undefined) {
        closeTimer = setTimeout(() => {
          closeTimer = undefined;
          options.onLeave();
        }, closeDelay);
      }
    },
    cancel() {
      cancelOpen();
      cancelClose();
    },
  };
}
