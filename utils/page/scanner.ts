// Finds the mentions on a live page and keeps them current. Reads blocks (text-index.ts), runs the engine on
// each, and keeps a per-text-node index of the blocks with mentions so a mutation costs work in proportion to
// what changed: the changed block containers are re-read, mentions of removed nodes are dropped. Pages are
// read and matched in one walk, in slices that yield to the page, the viewport's blocks first. The scanner finds every mention of every kind; which ones are
// shown (kinds, first mention only) is decided when painting (mention-index.ts), so settings need no rescan.
import type { Mention } from '../engine/types';
import type { ActorKind } from '../factbase/types';
import type { PageMention } from './types';
import { BlockReader, blockContainerOf, isBlockElement, isInSkippedSubtree, locate, type TextBlock } from './text-index';
import { sentenceAround } from '../engine/context';

export interface BlockRecord {
  block: TextBlock;
  mentions: PageMention[];
}

export interface ScannerOptions {
  /** The document (or element) to read. */
  root: Document | Element;
  /** The engine, bound to its matcher: every mention of every kind in a text. */
  find: (text: string) => Mention[];
  /** The kind of an actor (mentions of unknown actors are ignored). */
  kindOf: (actorId: string) => ActorKind | undefined;
  /** After each slice or mutation batch that changed the mentions. */
  onChange: () => void;
  /** Work per slice before yielding to the page (ms). */
  sliceMs?: number;
  /** Delay that batches mutations (ms). */
  batchMs?: number;
  /** Maps a mention to a live Range in the current DOM (the wrap fallback changes the DOM). */
  resolveRange?: (mention: PageMention) => Range | null;
  /** Runs around the scanner's reading of mutations, so the wrap fallback can restore the page first. */
  beforeMutationPass?: () => void;
}

type Scheduler = { yield?: () => Promise<void> };

function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const now = () => performance.now();

/** Document order across open shadow trees: content of a shadow root follows its host's start. */
export function compareNodes(a: Node, b: Node): number {
  if (a === b) return 0;
  const chainOf = (n: Node) => {
    const chain: Node[] = [n];
    for (let root = n.getRootNode(); root.nodeType === 11 && (root as ShadowRoot).host; ) {
      const host = (root as ShadowRoot).host;
      chain.push(host);
      root = host.getRootNode();
    }
    return chain;
  };
  const ca = chainOf(a);
  const cb = chainOf(b);
  for (let i = 0; i < ca.length; i++) {
    const x = ca[i]!;
    const rootX = x.getRootNode();
    for (let j = 0; j < cb.length; j++) {
      const y = cb[j]!;
      if (y.getRootNode() !== rootX) continue;
      if (x === y) return i - j; // the one inside a shadow tree of the other comes after it
      const pos = x.compareDocumentPosition(y);
      if (pos & 4 /* FOLLOWING */) return -1;
      if (pos & 2 /* PRECEDING */) return 1;
      return 0;
    }
  }
  return 0;
}

function makeStaticRange(doc: Document, start: { node: Text; offset: number }, end: { node: Text; offset: number }) {
  const init = { startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset };
  const Ctor = (doc.defaultView as (Window & { StaticRange?: typeof StaticRange }) | null)?.StaticRange;
  if (Ctor) return new Ctor(init);
  // No StaticRange (happy-dom): a plain, non-live description of the same extent.
  return { ...init, collapsed: start.node === end.node && start.offset === end.offset } as AbstractRange;
}

let nextMentionId = 1;

export class PageScanner {
  /** Blocks that hold at least one mention, in document order. */
  readonly ordered: BlockRecord[] = [];
  private readonly byNode = new WeakMap<Text, BlockRecord>();
  private readonly blockOfMention = new WeakMap<PageMention, TextBlock>();
  private readonly observers: MutationObserver[] = [];
  private readonly observed = new WeakSet<Node>();
  private pending: MutationRecord[] = [];
  /** Trees a pass could not finish (the page removed the node it had paused at): the next batch re-reads them. */
  private readonly rereadRoots = new Set<Node>();
  private batchTimer: ReturnType<typeof setTimeout> | undefined;
  private initialDone = false;
  private stopped = false;
  private readonly doc: Document;
  /** Longest synchronous slice of the last pass (ms), for the bench and the measure's detail. */
  longestSliceMs = 0;

  constructor(private readonly options: ScannerOptions) {
    this.doc = options.root.nodeType === 9 ? (options.root as Document) : options.root.ownerDocument!;
  }

  /**
   * Scans the whole page in slices of about `sliceMs` that yield to the page, then follows mutations. A page
   * scrolled down is read viewport first: the blocks from the one at the viewport's top to the one at its
   * bottom, painted at once, then the rest in document order (before the viewport, then after), each block
   * read once. Resolves when the first pass is done. Its factlens:scan measure spans the pass; its
   * detail.workMs is the slices' own work (not the pauses, nor the painting in between).
   */
  async start(): Promise<void> {
    const root = this.options.root;
    this.observe(root);
    const startTime = now();
    const onShadowRoot = (r: ShadowRoot) => this.observe(r);
    const region = this.viewportRegion();
    // Each span of the page, in reading order, and where its records go in `ordered` (kept in document order).
    const spans: { reader: BlockReader; place: 'append' | 'before' }[] = region
      ? [
          { reader: new BlockReader(root, { onShadowRoot, from: region.from, until: region.until }), place: 'append' },
          { reader: new BlockReader(root, { onShadowRoot, until: region.from }), place: 'before' },
          ...(region.until
            ? [{ reader: new BlockReader(root, { onShadowRoot, from: region.until }), place: 'append' as const }]
            : []),
        ]
      : [{ reader: new BlockReader(root, { onShadowRoot }), place: 'append' }];
    const stats = { blocks: 0, chars: 0, changed: false };
    let span = 0;
    let insertAt = 0;
    const emit = (block: TextBlock) => {
      stats.blocks++;
      stats.chars += block.text.length;
      const record = this.index(block);
      if (record) {
        // No mutation pass runs before this one ends: the spans' order keeps `ordered` sorted.
        if (spans[span]!.place === 'before') this.ordered.splice(insertAt++, 0, record);
        else this.ordered.push(record);
        stats.changed = true;
      }
    };
    const step = (pause: () => boolean): boolean => {
      while (span < spans.length) {
        const { reader } = spans[span]!;
        if (!reader.read(emit, pause)) return false;
        if (reader.lost) this.rereadRoots.add(root);
        span++;
        // The viewport is painted before the rest is read.
        if (region && span === 1) return false;
      }
      return true;
    };
    const workMs = await this.sliced(step, stats);
    if (workMs === null) return;
    measure('factlens:scan', startTime, {
      blocks: stats.blocks,
      chars: stats.chars,
      longestSliceMs: this.longestSliceMs,
      workMs,
      viewportFirst: region ? 1 : 0,
    });
    this.initialDone = true;
    if (stats.changed) this.options.onChange();
    if (this.pending.length || this.rereadRoots.size) this.scheduleBatch();
  }

  /**
   * The span of blocks in a page scrolled down: from the block at the viewport's top to the end of the one at
   * its bottom (fixed and sticky elements, skipped subtrees and the page's outer blocks are not taken). Null
   * at the top of the page (document order is viewport first) or where layout cannot tell.
   */
  private viewportRegion(): { from: Element; until: Node | null } | null {
    const root = this.options.root;
    const doc = this.doc;
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
    // The node after the last block's subtree: the next span starts there.
    let until: Node | null = null;
    for (let n: Node | null = last; n && n !== root; n = n.parentNode) {
      if (n.nextSibling) {
        until = n.nextSibling;
        break;
      }
    }
    return { from: first, until };
  }

  /**
   * Runs `step` (which returns true when finished, false when it paused) in slices of about `sliceMs`,
   * yielding to the page between them and telling onChange about what a slice found. Returns the work time
   * of the slices, or null when the scanner was stopped meanwhile.
   */
  private async sliced(step: (pause: () => boolean) => boolean, stats: { changed: boolean }): Promise<number | null> {
    const sliceMs = this.options.sliceMs ?? 8;
    let sliceStart = now();
    const pause = () => now() - sliceStart > sliceMs;
    let workMs = 0;
    this.longestSliceMs = 0;
    for (;;) {
      const finished = step(pause);
      const slice = now() - sliceStart;
      workMs += slice;
      this.longestSliceMs = Math.max(this.longestSliceMs, slice);
      if (finished) return workMs;
      if (stats.changed) this.options.onChange();
      stats.changed = false;
      await yieldToPage();
      if (this.stopped) return null;
      sliceStart = now();
    }
  }

  /** The indexed block a text node belongs to. */
  recordOf(node: Text): BlockRecord | undefined {
    return this.byNode.get(node);
  }

  /** The block a mention was found in. */
  blockOf(mention: PageMention): TextBlock | undefined {
    return this.blockOfMention.get(mention);
  }

  stop(): void {
    this.stopped = true;
    for (const o of this.observers) o.disconnect();
    this.observers.length = 0;
    clearTimeout(this.batchTimer);
    this.pending = [];
  }

  /**
   * Takes the mutations not yet delivered (so the caller's own DOM changes can be told apart), runs `work`,
   * then discards the records `work` caused and keeps the page's.
   */
  withoutObserving(work: () => void): void {
    const pageRecords = this.observers.flatMap((o) => o.takeRecords());
    try {
      work();
    } finally {
      for (const o of this.observers) o.takeRecords();
      if (pageRecords.length) this.enqueue(pageRecords);
    }
  }

  private observe(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    const MO = (this.doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver ?? MutationObserver;
    const observer = new MO((records) => this.enqueue(records));
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'aria-hidden', 'contenteditable'],
    });
    this.observers.push(observer);
  }

  private enqueue(records: MutationRecord[]): void {
    if (this.stopped) return;
    for (const r of records) if (!isOwnMutation(r)) this.pending.push(r);
    if (this.pending.length && this.initialDone) this.scheduleBatch();
  }

  private scheduleBatch(): void {
    if (this.batchTimer !== undefined) return;
    this.batchTimer = setTimeout(() => {
      this.batchTimer = undefined;
      void this.processMutations();
    }, this.options.batchMs ?? 50);
  }

  /** Re-reads what the pending mutations touched. Exposed for tests (flush without waiting). */
  async processMutations(): Promise<void> {
    if (this.stopped || (!this.pending.length && !this.rereadRoots.size)) return;
    this.options.beforeMutationPass?.();
    const records = this.pending;
    this.pending = [];
    const startTime = now();
    let changed = false;
    const units = new Set<Node>();
    for (const r of records) {
      if (r.type === 'characterData') {
        units.add(blockContainerOf(r.target));
      } else if (r.type === 'attributes') {
        units.add(blockContainerOf(r.target));
      } else {
        for (const removed of r.removedNodes) changed = this.dropWithin(removed) || changed;
        // Text or inline content joins the block around it, so its container is re-read; added or removed
        // block elements change no neighbour's text, so only they are read (a live blog costs per post).
        const nodes = [...r.addedNodes, ...r.removedNodes];
        if (nodes.every(isBlockOrBlank)) {
          for (const added of r.addedNodes) if (added.nodeType === 1) units.add(added);
        } else {
          units.add(blockContainerOf(r.target));
        }
      }
    }
    for (const root of this.rereadRoots) units.add(root);
    this.rereadRoots.clear();
    // Re-read outermost units only.
    const list = [...units].filter((u) => u.isConnected);
    const outer = list.filter((u) => !list.some((o) => o !== u && o.contains(u)));
    const stats = { changed, chars: 0 };
    const emit = (block: TextBlock) => {
      stats.chars += block.text.length;
      const record = this.index(block);
      if (record) {
        insertSorted(this.ordered, record, (a, b) => compareNodes(a.block.nodes[0]!, b.block.nodes[0]!));
        stats.changed = true;
      }
    };
    let unit = 0;
    let reader: BlockReader | null = null;
    const step = (pause: () => boolean): boolean => {
      for (;;) {
        if (reader === null) {
          if (unit >= outer.length) return true;
          const next = outer[unit++]!;
          if (!next.isConnected) continue;
          stats.changed = this.dropWithin(next) || stats.changed;
          if (isInSkippedSubtree(next)) continue;
          reader = new BlockReader(next, { onShadowRoot: (r) => this.observe(r) });
        }
        if (!reader.read(emit, pause)) return false;
        if (reader.lost) this.rereadRoots.add(reader.root);
        reader = null;
        if (pause()) return unit >= outer.length;
      }
    };
    const workMs = await this.sliced(step, stats);
    if (workMs === null) return;
    measure('factlens:scan', startTime, {
      units: outer.length,
      chars: stats.chars,
      longestSliceMs: this.longestSliceMs,
      workMs,
    });
    if (stats.changed) this.options.onChange();
    if (this.rereadRoots.size) this.scheduleBatch();
  }

  /**
   * Runs the engine on a block and indexes it; returns its record when it holds mentions. Only blocks with
   * mentions are indexed by node (hit tests and drops need no others): most blocks cost no allocation.
   */
  private index(block: TextBlock): BlockRecord | null {
    const found = this.options.find(block.text);
    if (found.length === 0) return null;
    const record: BlockRecord = { block, mentions: [] };
    for (const m of found) {
      const kind = this.options.kindOf(m.actorId);
      if (!kind) continue;
      const mention = this.toPageMention(block, m, kind);
      this.blockOfMention.set(mention, block);
      record.mentions.push(mention);
    }
    if (record.mentions.length === 0) return null;
    for (const node of block.nodes) this.byNode.set(node, record);
    return record;
  }

  private toPageMention(block: TextBlock, m: Mention, kind: ActorKind): PageMention {
    const start = locate(block, m.start);
    const end = locate(block, m.end, true);
    const range = makeStaticRange(this.doc, start, end);
    const resolveRange = this.options.resolveRange;
    const doc = this.doc;
    const mention: PageMention = {
      id: nextMentionId++,
      actorId: m.actorId,
      kind,
      surface: m.surface,
      range,
      ...(m.reason ? { reason: m.reason } : {}),
      blockStart: m.start,
      blockEnd: m.end,
      // The sentence is found only when asked (export, card): most mentions are never asked.
      get context() {
        const value = sentenceAround(block.text, m.start, m.end);
        Object.defineProperty(mention, 'context', { value });
        return value;
      },
      toRange() {
        const resolved = resolveRange?.(mention);
        if (resolved) return resolved;
        const r = doc.createRange();
        r.setStart(range.startContainer, range.startOffset);
        r.setEnd(range.endContainer, range.endOffset);
        return r;
      },
    };
    return mention;
  }

  /** Drops the indexed blocks of every text node under (or at) a node. Returns whether mentions went. */
  private dropWithin(node: Node): boolean {
    let dropped = false;
    const drop = (text: Text) => {
      const record = this.byNode.get(text);
      if (!record) return;
      for (const n of record.block.nodes) this.byNode.delete(n);
      if (record.mentions.length) {
        const at = this.ordered.indexOf(record);
        if (at >= 0) this.ordered.splice(at, 1);
        dropped = true;
      }
    };
    if (node.nodeType === 3) {
      drop(node as Text);
      return dropped;
    }
    const doc = node.ownerDocument ?? this.doc;
    const walker = doc.createTreeWalker(node, 0x4 /* SHOW_TEXT */);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) drop(t as Text);
    // Open shadow roots below it hold indexed text too.
    if (node.nodeType === 1 || node.nodeType === 11) {
      const elements = (node as Element).querySelectorAll?.('*') ?? [];
      for (const el of elements) if (el.shadowRoot) dropped = this.dropWithin(el.shadowRoot) || dropped;
      if (node.nodeType === 1 && (node as Element).shadowRoot)
        dropped = this.dropWithin((node as Element).shadowRoot!) || dropped;
    }
    return dropped;
  }
}

function isOwnMutation(record: MutationRecord): boolean {
  if (isFactlensUi(record.target)) return true;
  if (record.type === 'childList') {
    const nodes = [...record.addedNodes, ...record.removedNodes];
    if (nodes.length > 0 && nodes.every((n) => n.nodeType === 1 && isFactlensTag(n as Element))) {
      return !nodes.some((n) => (n as Element).tagName.toUpperCase() === 'FACTLENS-MARK');
    }
  }
  return false;
}

function isFactlensTag(el: Element): boolean {
  return el.tagName.toUpperCase().startsWith('FACTLENS-');
}

/** Inside Factlens's own UI (not its marks, which hold page text). */
function isFactlensUi(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n.nodeType === 11 ? (n as ShadowRoot).host : null)) {
    if (n.nodeType === 1 && isFactlensTag(n as Element) && (n as Element).tagName.toUpperCase() !== 'FACTLENS-MARK')
      return true;
  }
  return false;
}

function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}

function isBlockOrBlank(node: Node): boolean {
  if (node.nodeType === 3) return (node as Text).data.trim() === '';
  if (node.nodeType !== 1) return false;
  const tag = (node as Element).tagName.toUpperCase();
  return isBlockElement(node as Element) && tag !== 'BR' && tag !== 'IMG';
}

let measureCount = 0;
/** Records a User Timing measure from `start` to now; keeps the timeline from growing without end. */
export function measure(name: string, start: number, detail?: Record<string, number>): void {
  try {
    if (++measureCount > 500) {
      performance.clearMeasures(name);
      measureCount = 0;
    }
    performance.measure(name, { start, end: now(), detail });
  } catch {
    /* User Timing missing or restricted: measuring is optional */
  }
}
