// Stepping through mentions and scrolling to one, decided once: the top frame's show/step messages
// (top-frame-api.ts) and the card's previous/next and reveal (utils/card) both ask here.

export type CursorDirection = 'next' | 'previous';

/** The position after `at` in a list of `length`, wrapping round; from no position (-1), the first or the last. */
export function stepPosition(at: number, length: number, direction: CursorDirection): number {
  if (length === 0) return -1;
  if (at < 0) return direction === 'next' ? 0 : length - 1;
  return (at + (direction === 'next' ? 1 : -1) + length) % length;
}

/** A position in a list of mentions that the list may change under (the top frame's step-mention). */
export class MentionCursor<T> {
  private at = -1;

  /** Makes `item` the current one (show-mention: the next step goes on from there). */
  moveTo(list: readonly T[], item: T): void {
    this.at = list.indexOf(item);
  }

  /** The item one step on (from the first or the last when there is no current one); undefined for an empty list. */
  step(list: readonly T[], direction: CursorDirection): T | undefined {
    if (list.length === 0) return undefined; // the position is kept for when mentions come back
    this.at = stepPosition(this.at, list.length, direction);
    return list[this.at];
  }

  reset(): void {
    this.at = -1;
  }
}

/**
 * Scrolls the element around a mention's text into view: 'centre' always puts it in the middle (shown from the
 * popup or the keyboard), 'if-hidden' only when none of it can be seen (a card opened on a click or a step).
 */
export function scrollToMention(range: Range, how: 'centre' | 'if-hidden', win: Window = window): void {
  if (how === 'if-hidden') {
    const rect = range.getBoundingClientRect();
    const inView = rect.bottom > 0 && rect.top < win.innerHeight && rect.right > 0 && rect.left < win.innerWidth;
    if (inView && (rect.width > 0 || rect.height > 0)) return;
  }
  const node = range.startContainer;
  const el = node.nodeType === 1 /* ELEMENT_NODE */ ? (node as Element) : node.parentElement;
  el?.scrollIntoView(
    how === 'centre'
      ? { block: 'center', inline: 'nearest' }
      : { block: 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior },
  );
}
