// Mentions inside links. A mouse keeps the page's way: hover opens the card, a click follows the link. A tap
// has no hover: the first tap on a linked mention opens its card instead of following the link (the card
// offers "Open link"), and a second tap on the same mention follows the link as the page meant.
import type { PageMention } from '../page/types';

/** The link a mention sits in, if any. */
export function linkOf(mention: Pick<PageMention, 'toRange'>): HTMLAnchorElement | null {
  const node = mention.toRange().startContainer;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest<HTMLAnchorElement>('a[href]') ?? null;
}

/** Whether a click came from a finger (Chromium: pointerType; Firefox: mozInputSource 5 = touch). */
export function isTouchClick(event: MouseEvent): boolean {
  const e = event as MouseEvent & { pointerType?: string; mozInputSource?: number; sourceCapabilities?: { firesTouchEvents?: boolean } | null };
  return e.pointerType === 'touch' || e.mozInputSource === 5 || e.sourceCapabilities?.firesTouchEvents === true;
}
