// Whether a frame's text could name an actor in force: the loader's second decision (app-loader.ts), read
// with the gate's words (utils/engine/word-gate.ts) before the app is loaded. One TreeWalker over elements and text with
// no JavaScript filter; the text of script, style and noscript elements is not read, the open shadow roots
// are (the app reads them too: text-index.ts), and each one met is handed to `onShadowRoot` so the loader can
// watch it.
import { PIECE_BREAK, WordGateReader, type WordGate } from '../engine/word-gate';

const PIECE_BREAK_CHAR = String.fromCharCode(PIECE_BREAK);

const NOT_READ = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'script', 'style', 'noscript']);

// https://dom.spec.whatwg.org/#dom-element-attachshadow: the built-ins that accept a shadow root (and any
// custom element: a name with a hyphen).
const SHADOW_HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

/** How many text nodes are joined into one read (a page with a name near its top stops early). */
const NODES_PER_READ = 64;

function readInto(root: Node, reader: WordGateReader, onShadowRoot?: (root: ShadowRoot) => void): boolean {
  if (root.nodeType === 3) return !NOT_READ.has(root.parentNode?.nodeName ?? '') && reader.read((root as Text).data);
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return false;
  const walker = doc.createTreeWalker(root, 1 | 4 /* NodeFilter.SHOW_ELEMENT | SHOW_TEXT */);
  let texts: string[] = [];
  const flush = () => {
    const hit = texts.length > 0 && reader.read(texts.join(PIECE_BREAK_CHAR));
    texts = [];
    return hit;
  };
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      if (!NOT_READ.has(node.parentNode?.nodeName ?? '')) texts.push((node as Text).data);
      if (texts.length === NODES_PER_READ && flush()) return true;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = (node as Element).localName;
    if (!SHADOW_HOSTS.has(name) && !name.includes('-')) continue;
    const shadow = (node as Element).shadowRoot;
    if (!shadow) continue;
    onShadowRoot?.(shadow);
    // The shadow root's text comes where its host is (the app reads it there too).
    if (flush() || readInto(shadow, reader, onShadowRoot)) return true;
  }
  return flush();
}

/** Whether the text under these nodes (each read as its own stretch of text) could hold a mention. */
export function nodesMayMention(nodes: Iterable<Node>, gate: WordGate, onShadowRoot?: (root: ShadowRoot) => void): boolean {
  for (const node of nodes) {
    const reader = new WordGateReader(gate);
    if (readInto(node, reader, onShadowRoot) || reader.finish()) return true;
  }
  return false;
}
