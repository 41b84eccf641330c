// Whether a frame's text could name an actor in force: the loader's second decision (app-loader.ts), read
// with the gate's words (utils/engine/word-gate.ts) before the app is loaded. One TreeWalker over elements and
// text with no JavaScript filter; the subtrees the engine never reads (skip-rules.ts: head, scripts, styles,
// code, form fields…) are stepped over, the open shadow roots are (the app reads them too: text-index.ts), and each one met is handed to `onShadowRoot` so the loader
// can watch it. The read goes in steps, so that the loader can yield between them.
import { PIECE_BREAK, type WordGate } from '../engine/word-gate';
import { WordGateReader } from '../engine/gate-reader';
import { SHADOW_HOST_TAGS } from './shadow-hosts';
import { SKIPPED_TAGS } from './skip-rules';

const PIECE_BREAK_CHAR = String.fromCharCode(PIECE_BREAK);

/** Elements whose subtree the engine never reads, by local name: the gate steps over them (a page naming someone only there marks nothing). */
const NOT_READ = new Set([...SKIPPED_TAGS].map((tag) => tag.toLowerCase()));

/** Elements whose shadow root is read (and any custom element: a name with a hyphen). */
const SHADOW_HOSTS = new Set(SHADOW_HOST_TAGS);

/** How many text nodes are joined into one read (a page with a name near its top stops early). */
const NODES_PER_READ = 64;

/** A longer text is read in pieces of this many characters (a piece boundary reads both ways: never fewer hits). */
const PIECE_CHARS = 65_536;

/** What one step of a read found: a word of the gate, none in all the text, or not yet (time is up). */
export type ReadStep = 'hit' | 'none' | 'more';

/**
 * A read of some nodes' text against the gate that can stop when its time is up and go on later, so that a
 * giant page naming no one is not read in one long task. Each node given, and each open shadow root met, is
 * its own stretch of text (read after the others: the answer does not depend on the order).
 */
export class FrameWordsRead {
  private readonly roots: Node[];
  private walker: TreeWalker | null = null;
  private reader: WordGateReader | null = null;
  /** A text node's data still to read, from `pending.at`. */
  private pending: { data: string; at: number } | null = null;
  private texts: string[] = [];

  constructor(
    nodes: Iterable<Node>,
    private readonly gate: WordGate,
    private readonly onShadowRoot?: (root: ShadowRoot) => void,
  ) {
    this.roots = [...nodes];
  }

  /** Reads until a hit, the end, or `now()` passes `until`. */
  step(until: number, now: () => number): ReadStep {
    for (;;) {
      if (!this.reader) {
        const root = this.roots.shift();
        if (!root) return 'none';
        this.begin(root);
      }
      if ((this.walker || this.pending) && this.readSome()) return 'hit';
      if (!this.walker && !this.pending && this.finishRoot()) return 'hit';
      if (now() > until) return 'more';
    }
  }

  /** Starts reading a root: its own stretch of text. */
  private begin(root: Node): void {
    this.reader = new WordGateReader(this.gate);
    if (root.nodeType === 3) {
      if (!NOT_READ.has((root.parentNode as Element | null)?.localName ?? '')) this.pending = { data: (root as Text).data, at: 0 };
      return;
    }
    const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
    if (doc) this.walker = doc.createTreeWalker(root, 1 | 4 /* NodeFilter.SHOW_ELEMENT | SHOW_TEXT */);
  }

  private flush(): boolean {
    const hit = this.texts.length > 0 && this.reader!.read(this.texts.join(PIECE_BREAK_CHAR));
    this.texts = [];
    return hit;
  }

  /** Reads one batch: a piece of a long text, or up to NODES_PER_READ text nodes. */
  private readSome(): boolean {
    if (this.pending) {
      const { data, at } = this.pending;
      const end = Math.min(data.length, at + PIECE_CHARS);
      this.pending = end < data.length ? { data, at: end } : null;
      return this.reader!.read(data.slice(at, end));
    }
    const walker = this.walker!;
    // The walker's current node is the next one to read (a batch ends by moving past its last node).
    const past = () => {
      if (!walker.nextNode()) this.walker = null;
    };
    let node: Node | null = walker.currentNode;
    while (node) {
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        if (data.length > PIECE_CHARS) {
          past();
          this.pending = { data, at: 0 };
          return this.flush();
        }
        this.texts.push(data);
        if (this.texts.length === NODES_PER_READ) {
          past();
          return this.flush();
        }
      } else if (node.nodeType === 1) {
        const name = (node as Element).localName;
        if (NOT_READ.has(name)) {
          node = pastSubtree(walker);
          continue;
        }
        const shadow = SHADOW_HOSTS.has(name) || name.includes('-') ? (node as Element).shadowRoot : null;
        if (shadow) {
          this.onShadowRoot?.(shadow);
          this.roots.push(shadow);
        }
      }
      node = walker.nextNode();
    }
    this.walker = null;
    return this.flush();
  }

  /** The end of a root's text: its last word counts too. */
  private finishRoot(): boolean {
    const hit = this.reader!.finish();
    this.reader = null;
    return hit;
  }
}

/** Moves the walker past its current node's subtree: the next node after it, or null at the end of the root. */
function pastSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const next = walker.nextSibling();
    if (next) return next;
    if (!walker.parentNode()) return null;
  }
}

/** Whether the text under these nodes could hold a mention, read at once (the tests'; the loader reads in steps). */
export function nodesMayMention(nodes: Iterable<Node>, gate: WordGate, onShadowRoot?: (root: ShadowRoot) => void): boolean {
  return new FrameWordsRead(nodes, gate, onShadowRoot).step(Infinity, () => 0) === 'hit';
}
