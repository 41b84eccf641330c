// Places the card next to a mention's text with Floating UI: below or above (flip), kept inside the viewport
// (shift), following scrolling and resizing (autoUpdate). position: fixed, so the page never reflows.
import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

const VIEWPORT_PADDING = 8;

/** A reference for Floating UI made of a Range (marks are highlights, not elements). */
export function rangeReference(range: Range): VirtualElement {
  const node = range.startContainer;
  const contextElement = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : (node.parentElement ?? undefined);
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement,
  };
}

export interface PlacementOptions {
  /** Called when the mention can no longer be seen (scrolled out of view or gone). */
  onReferenceHidden(): void;
}

/** Starts placing `floating` next to `reference`; returns the function that stops it. */
export function placeNextTo(reference: VirtualElement, floating: HTMLElement, options: PlacementOptions): () => void {
  let stopped = false;
  const update = async () => {
    const { x, y, middlewareData } = await computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(6),
        flip({ padding: VIEWPORT_PADDING, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
        size({
          padding: VIEWPORT_PADDING,
          apply({ availableHeight, elements }) {
            // Long cards scroll inside themselves rather than run off the screen; never taller than the viewport.
            const doc = elements.floating.ownerDocument;
            const viewport = (doc.defaultView?.innerHeight ?? 0) - 2 * VIEWPORT_PADDING;
            // The width left of a page's scrollbar (100vw in the stylesheet counts the scrollbar in).
            elements.floating.style.maxWidth = `${Math.min(400, doc.documentElement.clientWidth - 2 * VIEWPORT_PADDING)}px`;
            elements.floating.style.maxHeight = `${Math.max(80, Math.min(Math.max(160, Math.floor(availableHeight)), viewport))}px`;
          },
        }),
        // After size (which measures the room next to the mention): both axes, as at 400% zoom the viewport may
        // be shorter than the card's least height, and a pinned card whose mention scrolled away stays in view.
        shift({ padding: VIEWPORT_PADDING, crossAxis: true }),
        hide({ strategy: 'referenceHidden' }),
      ],
    });
    if (stopped) return;
    floating.style.left = `${Math.round(x)}px`;
    floating.style.top = `${Math.round(y)}px`;
    const rect = reference.getBoundingClientRect();
    const gone = rect.width === 0 && rect.height === 0;
    if (middlewareData.hide?.referenceHidden || gone) options.onReferenceHidden();
  };
  const cleanup = autoUpdate(reference, floating, () => void update());
  return () => {
    stopped = true;
    cleanup();
  };
}
