// Remembers where focus was before the card took it, and gives it back on close (APG dialog pattern).

export interface FocusReturn {
  remember(): void;
  /** Restores focus if it is inside `within` (or nowhere); a focus the user moved elsewhere is left alone. */
  restore(within: Element | null): void;
}

export function createFocusReturn(doc: Document): FocusReturn {
  let saved: HTMLElement | SVGElement | null = null;
  return {
    remember() {
      const el = doc.activeElement;
      saved = el instanceof HTMLElement || el instanceof SVGElement ? el : null;
    },
    restore(within) {
      const active = doc.activeElement;
      const focusInCard = !!within && !!active && (active === within || within.contains(active));
      const focusNowhere = !active || active === doc.body;
      const target = saved;
      saved = null;
      if (!focusInCard && !focusNowhere) return;
      if (target && target.isConnected && target !== doc.body) target.focus({ preventScroll: true });
      else if (focusInCard && active instanceof HTMLElement) active.blur();
    },
  };
}
