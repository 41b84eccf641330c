// The span of blocks a page scrolled down shows, so the scanner reads and paints it first. Asks layout
// (elementFromPoint, computed position): tested in a real browser (tests/e2e/layout-modules.test.ts).
import { isInSkippedSubtree } from './skip-rules';
import { blockContainerOf } from './text-index';

export interface ViewportRegion {
  /** The block at the viewport's top. */
  from: Element;
  /** The node right after the block at its bottom (the next span starts there), or null at the end. */
  until: Node | null;
}

/**
 * From the block at the viewport's top to the end of the one at its bottom (fixed and sticky elements,
 * skipped subtrees and the page's outer blocks are not taken). Null at the top of the page (document order
 * is viewport first) or where layout cannot tell.
 */
export function viewportRegion(root: Document | Element): ViewportRegion | null {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const view = doc.defaultView;
  if (!view || !(view.scrollY > 0) || typeof doc.elementFromPoint !== 'function') return null;
  const width = view.innerWidth;
  const height = view.innerHeight;
  if (!(width > 0 && height > 0)) return null;
  const inFlow = (el: Element) => {
    for (let e: Element | null = el; e && e !== doc.body; e = e.parentElement) {
      const position = view.getComputedStyle(e).position;
      if (position === 'fixed' || position === 'sticky') return false;
    }
    return true;
  };
  const blockAt = (y: number): Element | null => {
    for (const x of [width / 2, width / 4, (3 * width) / 4]) {
      const hit = doc.elementFromPoint(x, y);
      if (!hit || !root.contains(hit)) continue;
      const block = blockContainerOf(hit);
      if (block.nodeType !== 1 || block === root || block === doc.body || block === doc.documentElement) continue;
      if (isInSkippedSubtree(block) || !inFlow(block as Element)) continue;
      return block as Element;
    }
    return null;
  };
  const middle = blockAt(height / 2);
  const first = blockAt(height * 0.05) ?? middle;
  if (!first) return null;
  let last = blockAt(height * 0.95) ?? middle ?? first;
  if (last !== first && first.compareDocumentPosition(last) & 2 /* PRECEDING */) last = first;
  let until: Node | null = null;
  for (let n: Node | null = last; n && n !== root; n = n.parentNode) {
    if (n.nextSibling) {
      until = n.nextSibling;
      break;
    }
  }
  return { from: first, until };
}
