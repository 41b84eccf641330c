// The page's visible text as blocks: what the engine reads, with a way back from block offsets to text nodes.
// Pure DOM (TreeWalker, no layout, no computed style), so the browser and the CLI (happy-dom) read a page
// the same way and agree mention for mention. Display is decided by tag name, not getComputedStyle: a
// <span style="display:block"> joins its neighbours' text. That is the price of reading fast and identically.

/** Elements whose content is never read (and everything inside them). */
const SKIPPED_TAGS = new Set([
  'HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'VIDEO', 'AUDIO', 'NOEMBED', 'NOFRAMES', 'RP', 'DATALIST',
]);

/** Elements that start and end a block of text (the default display of these is not inline). */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BUTTON', 'CAPTION', 'CENTER', 'DD', 'DETAILS',
  'DIALOG', 'DIR', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2',
  'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL',
  'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BR', 'IMG',
  'SEARCH',
]);

/** The tag of Factlens's own inline marks (wrap fallback): read through, they hold page text. */
export const MARK_TAG = 'FACTLENS-MARK';

export interface TextBlock {
  /** The concatenated data of its text nodes. */
  text: string;
  /** Its text nodes in document order. */
  nodes: Text[];
  /** Block offset at which each node starts (same length as nodes). */
  starts: number[];
}

export interface DomPosition {
  node: Text;
  offset: number;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

/** Whether an element's subtree is never read (not counting its ancestors). */
export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return true;
  if (tag.startsWith('FACTLENS-') && tag !== MARK_TAG) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return false;
}

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

/** Whether a node lies in a skipped subtree (itself or an ancestor, across open shadow roots). */
export function isInSkippedSubtree(node: Node): boolean {
  let current: Node | null = node;
  while (current) {
    if (isElement(current) && isSkippedElement(current)) return true;
    const parent: Node | null = current.parentNode;
    // A shadow root's parentNode is null: continue from its host.
    current = parent ?? (current.nodeType === 11 ? ((current as ShadowRoot).host ?? null) : null);
  }
  const doc = node.ownerDocument;
  return !!doc && doc.designMode === 'on';
}

/** The nearest element whose text is complete blocks (a block element or a root), for re-reading. */
export function blockContainerOf(node: Node): Node {
  let current: Node | null = isElement(node) ? node : node.parentNode;
  while (current) {
    if (isElement(current) && isBlockElement(current) && current.tagName.toUpperCase() !== 'BR') return current;
    if (current.nodeType === 9 || current.nodeType === 11) return current;
    if (!current.parentNode) return current;
    current = current.parentNode;
  }
  return node;
}

export interface ReadOptions {
  /** Called for each open shadow root found (the scanner observes them). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/**
 * Reads the visible text under `root` as blocks, in document order. Open shadow roots are read where their
 * host stands, as blocks of their own. Ancestors of `root` are not checked (see isInSkippedSubtree).
 */
export function readBlocks(root: Node, options: ReadOptions = {}): TextBlock[] {
  const blocks: TextBlock[] = [];
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return blocks;
  if (isElement(root) && isSkippedElement(root)) return blocks;
  if (doc.designMode === 'on') return blocks;
  readInto(doc, root, blocks, options);
  return blocks.filter((b) => b.text.length > 0);
}

function readInto(doc: Document, root: Node, blocks: TextBlock[], options: ReadOptions): void {
  // NodeFilter constants as numbers: happy-dom and browsers agree on them.
  const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
  const FILTER_ACCEPT = 1;
  const FILTER_REJECT = 2;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT, {
    acceptNode: (node: Node) => (isElement(node) && isSkippedElement(node) ? FILTER_REJECT : FILTER_ACCEPT),
  });

  let current: TextBlock = { text: '', nodes: [], starts: [] };
  let currentContainer: Node | null = null;
  const parts: string[] = [];
  let length = 0;
  const close = () => {
    if (current.nodes.length > 0) {
      current.text = parts.join('');
      blocks.push(current);
    }
    current = { text: '', nodes: [], starts: [] };
    parts.length = 0;
    length = 0;
    currentContainer = null;
  };

  // Nearest block container of a text node within this walk, cached per parent element.
  const containerCache = new Map<Node, Node>();
  const containerOf = (parent: Node): Node => {
    const cached = containerCache.get(parent);
    if (cached) return cached;
    let c: Node = parent;
    while (c !== root && !(isElement(c) && isBlockElement(c)) && c.parentNode) c = c.parentNode;
    containerCache.set(parent, c);
    return c;
  };

  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      const text = node as Text;
      const data = text.data;
      if (data.length === 0) continue;
      const container = containerOf(text.parentNode ?? root);
      if (currentContainer !== null && container !== currentContainer) close();
      currentContainer = container;
      current.nodes.push(text);
      current.starts.push(length);
      parts.push(data);
      length += data.length;
      continue;
    }
    const el = node as Element;
    if (isBlockElement(el)) close();
    const shadow = (el as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
    if (shadow) {
      close();
      options.onShadowRoot?.(shadow);
      readInto(doc, shadow, blocks, options);
    }
  }
  close();
}

/** The text node and offset at a block offset. At a node boundary, `atEnd` picks the earlier node. */
export function locate(block: TextBlock, offset: number, atEnd = false): DomPosition {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  // Last node whose start is < offset (atEnd) or <= offset (start).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (atEnd ? s < offset : s <= offset) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo]!;
  return { node, offset: Math.min(Math.max(offset - starts[lo]!, 0), node.data.length) };
}
