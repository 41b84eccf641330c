// Remembers where focus was before the card took it, and gives it back on close or when Tab leaves the card's
// last control (APG dialog pattern). The card's host sits at the end of the document: without this, Tab past
// the card lands at the end of the page, not back where the reader was.

export interface FocusReturn {
  remember(): void;
  /**
   * Restores focus if it is inside `within` (or nowhere); a focus the user moved elsewhere is left alone.
   * With nothing remembered, focus in the card goes back next to `near` (the mention).
   */
  restore(within: Element | null, near?: Range | null): void;
}

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

export function createFocusReturn(doc: Document): FocusReturn {
  let saved: HTMLElement | SVGElement | null = null;
  return {
    remember() {
      const el = doc.activeElement;
      saved = el instanceof HTMLElement || el instanceof SVGElement ? el : null;
    },
    restore(within, near) {
      const active = doc.activeElement;
      const focusInCard = !!within && !!active && (active === within || within.contains(active));
      const focusNowhere = !active || active === doc.body;
      const target = saved;
      saved = null;
      if (!focusInCard && !focusNowhere) return;
      if (target && target.isConnected && target !== doc.body) {
        target.focus({ preventScroll: true });
        return;
      }
      if (!focusInCard) return;
      if (active instanceof HTMLElement) active.blur();
      if (near) focusNear(doc, near);
    },
  };
}

/**
 * Focus at a mention: its focusable ancestor (a link) if it has one, else the sequential focus starting point
 * moved to it (a collapsed selection: browsers start Tab from there; nothing is drawn on a page's text).
 */
function focusNear(doc: Document, range: Range): void {
  const node = range.startContainer;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const focusable = el?.closest<HTMLElement>(FOCUSABLE);
  if (focusable) {
    focusable.focus({ preventScroll: true });
    return;
  }
  doc.getSelection()?.collapse(range.startContainer, range.startOffset);
}
