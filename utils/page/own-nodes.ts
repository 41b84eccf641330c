// "Is this node ours": Factlens's own elements all carry the `factlens-` prefix. Its marks (<factlens-mark>,
// the wrap fallback) hold the page's text and are read through; everything else of ours (the card's host,
// <factlens-card>) is Factlens's UI: never read, and its mutations are not the page's.

export const OWN_TAG_PREFIX = 'factlens-';
/** The wrap fallback's inline mark around a mention's text. */
export const MARK_ELEMENT = 'factlens-mark';
/** The card's shadow-root host. */
export const CARD_HOST_ELEMENT = 'factlens-card';

/** Whether a tag name (any case) is one of Factlens's UI elements (ours, not a mark). */
export function isOwnUiTag(tagName: string): boolean {
  const lower = tagName.toLowerCase();
  return lower.startsWith(OWN_TAG_PREFIX) && lower !== MARK_ELEMENT;
}

const isOwnTag = (tagName: string) => tagName.toLowerCase().startsWith(OWN_TAG_PREFIX);

/** Whether a node is inside Factlens's own UI (itself or an ancestor, across shadow roots; marks do not count). */
export function isInOwnUi(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n.nodeType === 11 ? (n as ShadowRoot).host : null)) {
    if (n.nodeType === 1 && isOwnUiTag((n as Element).tagName)) return true;
  }
  return false;
}

/**
 * Whether a mutation is Factlens's own doing: inside its UI, or adding/removing only its UI elements (the
 * card's host). Adding or removing marks is not: the page's text moved, so the scanner must see it.
 */
export function isOwnMutation(record: MutationRecord): boolean {
  if (isInOwnUi(record.target)) return true;
  if (record.type === 'childList') {
    const nodes = [...record.addedNodes, ...record.removedNodes];
    if (nodes.length > 0 && nodes.every((n) => n.nodeType === 1 && isOwnTag((n as Element).tagName))) {
      return !nodes.some((n) => (n as Element).tagName.toLowerCase() === MARK_ELEMENT);
    }
  }
  return false;
}
