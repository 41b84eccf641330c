// The page's visible text as blocks: what the engine reads, with a way back from block offsets to text nodes.
// Pure DOM (TreeWalker, no layout, no computed style), so the browser and the CLI (happy-dom) read a page
// the same way and agree mention for mention. Display is decided by tag name, not getComputedStyle: a
// <span style="display:block"> joins its neighbours' text. That is the price of reading fast and identically.
// What is never read is decided in skip-rules.ts.
import { lastAtMost } from '../engine/sorted';
import { SKIPPED_TAGS, isHiddenOrEditable, isSkippedElement, isSkippedTag } from './skip-rules';
import { SHADOW_HOST_TAGS } from './shadow-hosts';

/** Elements that start and end a block of text (the default display of these is not inline). */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BUTTON', 'CAPTION', 'CENTER', 'DD', 'DETAILS',
  'DIALOG', 'DIR', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2',
  'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL',
  'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BR', 'IMG',
  'SEARCH',
]);

export interface TextBlock {
  /** The concatenated data of its text nodes. */
  readonly text: string;
  /** Its text nodes in document order. */
  readonly nodes: Text[];
  /** Block offset at which each node starts (same length as nodes). */
  readonly starts: number[];
  /** Its first text node (what places the block in the page), without making `nodes`. */
  readonly first: Text;
}

/**
 * A block as the reader hands it out: its text at once, its nodes and their offsets only when asked. Most
 * blocks hold no mention and are never asked, so they cost no array of their own: their nodes stay in the
 * reader's log (shared by the blocks of one read() call) until the first ask copies them out.
 */
class LoggedBlock implements TextBlock {
  private ownNodes: Text[] | null = null;
  private ownStarts: number[] | null = null;
  constructor(
    readonly text: string,
    private log: Text[] | null,
    private offsets: number[] | null,
    private readonly from: number,
    private readonly to: number,
  ) {}

  get first(): Text {
    return this.ownNodes !== null ? this.ownNodes[0]! : this.log![this.from]!;
  }

  get nodes(): Text[] {
    if (this.ownNodes === null) this.copyOut();
    return this.ownNodes!;
  }

  get starts(): number[] {
    if (this.ownStarts === null) this.copyOut();
    return this.ownStarts!;
  }

  private copyOut(): void {
    this.ownNodes = this.log!.slice(this.from, this.to);
    this.ownStarts = this.offsets!.slice(this.from, this.to);
    // Let go of the log: the other blocks' nodes are not this block's to keep alive.
    this.log = null;
    this.offsets = null;
  }
}

export interface DomPosition {
  node: Text;
  offset: number;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
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
  /**
   * Start at this node (a descendant of the root, in the root's own tree) instead of the root's start, and
   * stop on reaching `until` (not read). Both must start a block (a block element, or the node right after
   * one) and lie outside skipped subtrees, so readers over adjacent spans read the page's blocks exactly once.
   */
  from?: Node;
  until?: Node | null;
  /**
   * Hand out blocks of white space and control characters only (the "\n" between two list items): no
   * mention can be in them, and on news pages they are two blocks in three. Off by default for the reader
   * the scanner uses; readBlocks keeps them, so the visible text it gives (export positions, the CLI) is
   * the same as before.
   */
  keepBlank?: boolean;
}

/**
 * Reads the visible text under `root` as blocks, in document order. Open shadow roots are read where their
 * host stands, as blocks of their own. Ancestors of `root` are not checked (see isInSkippedSubtree).
 */
export function readBlocks(root: Node, options: ReadOptions = {}): TextBlock[] {
  const blocks: TextBlock[] = [];
  new BlockReader(root, { keepBlank: true, ...options }).read((b) => blocks.push(b));
  return blocks;
}

/** How an element's tag is read: inline (its text joins its neighbours'), a block, or never read. */
const INLINE = 0;
const BLOCK = 1;
const SKIP = 2;
/** Bit: elements of this tag may host a shadow root (custom elements and attachShadow's built-ins). */
const SHADOW_HOST = 4;

/** The reading of each lower-case tag name seen (tags not listed are inline); grows with the page's custom tags. */
const TAG_KIND = new Map<string, number>();
for (const t of SKIPPED_TAGS) TAG_KIND.set(t.toLowerCase(), SKIP);
for (const t of BLOCK_TAGS) TAG_KIND.set(t.toLowerCase(), BLOCK);
for (const t of SHADOW_HOST_TAGS) TAG_KIND.set(t, (TAG_KIND.get(t) ?? INLINE) | SHADOW_HOST);

function kindOfTag(localName: string): number {
  let kind = TAG_KIND.get(localName);
  if (kind !== undefined) return kind;
  const upper = localName.toUpperCase();
  if (isSkippedTag(upper)) kind = SKIP;
  else if (BLOCK_TAGS.has(upper)) kind = BLOCK;
  else kind = INLINE;
  if (localName.includes('-')) kind |= SHADOW_HOST;
  if (TAG_KIND.size < 10_000) TAG_KIND.set(localName, kind);
  return kind;
}

/** A code unit above U+0020: a block without one (white space and control characters only) is blank. */
const INK = /[^\0- ]/;

/** One tree being walked: the document or element read, or an open shadow root met on the way. */
interface Frame {
  root: Node;
  /** The node read last (the root before the first step). */
  current: Node;
  /** The elements entered below the root, outermost first, and the block container of each. */
  path: Node[];
  containers: Node[];
  /** Container to enter `current` with when the walk resumes after its shadow root, or null. */
  enter: Node | null;
  /** The node to read next when the walk resumes after a pause. */
  pending: Node | null;
  /** The elements of this tree whose attributes hide them or make them editable (null: none). */
  flagged: Set<Element> | null;
}

/** Elements that may be hidden or editable by their attributes (isHiddenOrEditable has the last word). */
const FLAG_SELECTOR = '[hidden],[aria-hidden],[contenteditable]';

/**
 * The elements of a tree that isHiddenOrEditable skips, found by one selector query instead of reading
 * three attributes of every element the walk meets (most have some attributes: class, href…). An attribute
 * changed later is the mutation observer's (attributeFilter): the changed block is read again.
 */
function flaggedIn(root: Node): Set<Element> | null {
  let flagged: Set<Element> | null = null;
  const candidates = (root as ParentNode).querySelectorAll?.(FLAG_SELECTOR);
  if (candidates) for (const el of candidates) if (isHiddenOrEditable(el)) (flagged ??= new Set()).add(el);
  return flagged;
}

/**
 * The text index's reader: walks a tree once by firstChild/nextSibling with its own stack (no TreeWalker
 * filter calling back into JS: skipped subtrees are simply not entered, every decision is a tag-name
 * lookup or a set lookup, no attribute is read) and hands out each block as soon as it is
 * complete. It can stop when asked and resume where it stopped, so a long page is read in slices that
 * yield to the page. Linear in the nodes read, whatever the nesting depth.
 */
export class BlockReader {
  private readonly frames: Frame[] = [];
  /** The text nodes read in this read() call and the block offset of each (blocks are spans of them). */
  private log: Text[] = [];
  private offsets: number[] = [];
  /** The open block: where its nodes start in the log, its text so far. */
  private blockFrom = 0;
  private text = '';
  private length = 0;
  /** Whether the open block holds a code unit above U+0020 (a blank block is not handed out). */
  private ink = false;
  private container: Node | null = null;
  /** Set when the node the reader had stopped at left the page meanwhile: the rest was not read. */
  lost = false;

  constructor(
    readonly root: Node,
    private readonly options: ReadOptions = {},
  ) {
    const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
    if (!doc || doc.designMode === 'on') return;
    if (isElement(root) && isSkippedElement(root)) return;
    this.pushFrame(root);
    if (options.from && options.from !== root) this.startAt(options.from);
  }

  /** Sets the walk to resume at `from`: the path of its ancestors below the root and their block containers. */
  private startAt(from: Node): void {
    const frame = this.frames[0]!;
    const ancestors: Node[] = [];
    for (let n = from.parentNode; n !== null && n !== this.root; n = n.parentNode) ancestors.push(n);
    let container = this.root;
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const el = ancestors[i]!;
      if (isElement(el) && (kindOfTag(el.localName) & 3) === BLOCK) container = el;
      frame.path.push(el);
      frame.containers.push(container);
    }
    frame.current = from;
    frame.pending = from;
    frame.enter = null;
  }

  private pushFrame(root: Node): void {
    this.frames.push({ root, current: root, path: [], containers: [root], enter: root, pending: null, flagged: flaggedIn(root) });
  }

  private close(emit: (block: TextBlock) => void): void {
    const to = this.log.length;
    if (to > this.blockFrom) {
      if (this.ink || this.options.keepBlank) emit(new LoggedBlock(this.text, this.log, this.offsets, this.blockFrom, to));
      this.blockFrom = to;
      this.ink = false;
      this.text = '';
      this.length = 0;
    }
    this.container = null;
  }

  /** A fresh log for this read() call (blocks already out keep the old one), with the open block's nodes. */
  private newLog(): void {
    if (this.blockFrom === this.log.length) {
      this.log = [];
      this.offsets = [];
    } else {
      this.log = this.log.slice(this.blockFrom);
      this.offsets = this.offsets.slice(this.blockFrom);
    }
    this.blockFrom = 0;
  }

  /**
   * Reads blocks, calling `emit` for each, until the end (returns true) or until `pause()` says to stop
   * (returns false; call again to go on). `pause` is asked every 64 nodes.
   */
  read(emit: (block: TextBlock) => void, pause?: () => boolean): boolean {
    let budget = 64;
    const until = this.options.until ?? null;
    this.newLog();
    const log = this.log;
    const offsets = this.offsets;
    while (this.frames.length > 0) {
      const frame = this.frames[this.frames.length - 1]!;
      const containers = frame.containers;
      const flagged = frame.flagged;
      let node: Node | null;
      if (frame.pending !== null) {
        node = frame.pending;
        frame.pending = null;
      } else {
        // First step (into the root) or back from a shadow root (into its host's children).
        node = this.advance(frame, frame.enter);
        frame.enter = null;
      }
      if (node !== null && frame.current !== frame.root && !node.isConnected && frame.root.isConnected) {
        // The page removed the node we stopped at: where to go on is unknown, so the caller re-reads.
        this.lost = true;
        this.frames.length = 0;
        break;
      }
      while (node !== null) {
        if (node === until) {
          // The end of this reader's span: the rest is another reader's.
          this.frames.length = 0;
          break;
        }
        frame.current = node;
        let enter: Node | null = null;
        const type = node.nodeType;
        if (type === 3) {
          const data = (node as Text).data;
          if (data.length > 0) {
            const container = containers[containers.length - 1]!;
            if (this.container !== container) {
              if (this.container !== null) this.close(emit);
              this.container = container;
            }
            log.push(node as Text);
            offsets.push(this.length);
            // Tested natively, once per node until one has ink: a loop over the block's text at its close went
            // over every blank block's characters in JavaScript (341,105 of wikipedia-2's 496,165 characters).
            if (!this.ink && INK.test(data)) this.ink = true;
            this.text = this.length === 0 ? data : this.text + data;
            this.length += data.length;
          }
        } else if (type === 1) {
          const el = node as Element;
          const kind = kindOfTag(el.localName);
          // Hidden and editable elements were found before the walk (flaggedIn).
          if ((kind & 3) !== SKIP && !(flagged !== null && flagged.has(el))) {
            if ((kind & 3) === BLOCK) {
              this.close(emit);
              enter = el;
            } else enter = containers[containers.length - 1]!;
            const shadow = kind & SHADOW_HOST ? (el as Element & { shadowRoot: ShadowRoot | null }).shadowRoot : null;
            if (shadow) {
              // Read where the host stands, as blocks of their own; then the host's own children.
              this.close(emit);
              this.options.onShadowRoot?.(shadow);
              frame.enter = enter;
              this.pushFrame(shadow);
              break;
            }
          }
        }
        node = this.advance(frame, enter);
        if (--budget === 0) {
          budget = 64;
          if (node !== null && pause?.()) {
            frame.pending = node;
            return false;
          }
        }
      }
      if (this.frames.length === 0) break;
      if (node === null) {
        // This tree is read: its last block ends here.
        this.close(emit);
        this.frames.pop();
      }
    }
    this.close(emit);
    return true;
  }

  /** The node after `frame.current` in document order: into its children when `enter` (their container) is given. */
  private advance(frame: Frame, enter: Node | null): Node | null {
    let node = frame.current;
    if (enter !== null) {
      const child = node.firstChild;
      if (child !== null) {
        if (node !== frame.root) {
          frame.path.push(node);
          frame.containers.push(enter);
        }
        return child;
      }
    }
    if (node === frame.root) return null;
    const path = frame.path;
    for (;;) {
      const sibling = node.nextSibling;
      if (sibling !== null) return sibling;
      if (path.length === 0) return null;
      node = path.pop()!;
      frame.containers.pop();
    }
  }
}

/** The text node and offset at a block offset. At a node boundary, `atEnd` picks the earlier node. */
export function locate(block: TextBlock, offset: number, atEnd = false): DomPosition {
  const { starts, nodes } = block;
  // Last node whose start is < offset (atEnd) or <= offset (start); offsets are whole code units.
  const i = lastAtMost(starts, atEnd ? offset - 1 : offset);
  const node = nodes[i]!;
  return { node, offset: Math.min(Math.max(offset - starts[i]!, 0), node.data.length) };
}
