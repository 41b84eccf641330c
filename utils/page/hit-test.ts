// Which mention is under a point. Marks are not elements (CSS highlights), so the caret position at the point
// gives a text node and offset; the scanner's node index gives its block, and a binary search over the block's
// mentions the candidate, confirmed against the mention's client rects (a caret at a word's right edge or
// beside it maps to the same offset).
import type { PageScanner } from './scanner';
import type { PageMention } from './types';

export interface CaretPosition {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretAt(doc: Document, x: number, y: number): CaretPosition | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** The scanned mention whose text contains a DOM position (inclusive of its end), or null. */
export function mentionAtPosition(scanner: PageScanner, node: Node, offset: number): PageMention | null {
  if (node.nodeType !== 3) return null;
  const record = scanner.recordOf(node as Text);
  if (!record || record.mentions.length === 0) return null;
  const i = record.block.nodes.indexOf(node as Text);
  if (i < 0) return null;
  const at = record.block.starts[i]! + offset;
  const list = record.mentions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = list[mid]!;
    if (at < m.blockStart) hi = mid - 1;
    else if (at > m.blockEnd) lo = mid + 1;
    else return m;
  }
  return null;
}

/** Whether a point lies within a mention's painted boxes. */
export function pointInMention(mention: PageMention, x: number, y: number): boolean {
  for (const rect of mention.toRange().getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
