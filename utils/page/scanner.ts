// Finds the mentions on a live page and keeps them current. Reads blocks (text-index.ts), runs the engine on
// each, and keeps a per-text-node index of the blocks with mentions so a mutation costs work in proportion to
// what changed: the changed block containers are re-read, mentions of removed nodes are dropped. Pages are
// read and matched in one walk, in slices that yield to the page (time-slices.ts), the viewport's blocks first
// (viewport.ts); mutations come in batches (mutation-batcher.ts). The scanner finds every mention of every kind; which ones are
// shown (kinds, first mention only) is decided when painting (mention-index.ts), so settings need no rescan.
import type { Matcher } from '../engine/matcher';
import type { Mention } from '../engine/types';
import type { ActorKind } from '../factbase/types';
import type { PageMention } from './types';
import { BlockReader, blockContainerOf, isBlockElement, locate, type TextBlock } from './text-index';
import { sentenceAround } from '../engine/context';
import { DocumentPass, blockDecider, documentDecider, type PassEntry } from './document-pass';
import { measure } from './measure';
import { MutationBatcher } from './mutation-batcher';
import { isInSkippedSubtree } from './skip-rules';
import { runSliced } from './time-slices';
import { viewportRegion } from './viewport';

export interface BlockRecord {
  block: TextBlock;
  mentions: PageMention[];
}

export interface ScannerOptions {
  /** The document (or element) to read. */
  root: Document | Element;
  /** The engine: the page's document pass over this matcher (document-pass.ts)… */
  matcher?: Matcher;
  /** …or a per-block engine (a stand-in in tests): every mention of every kind in a text. */
  find?: (text: string) => Mention[];
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

function makeStaticRange(doc: Document, start: { node: Text; offset: number }, end: { node: Text; offset: number }) {
  const init = { startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset };
  const Ctor = (doc.defaultView as (Window & { StaticRange?: typeof StaticRange }) | null)?.StaticRange;
  if (Ctor) return new Ctor(init);
  // No StaticRange (happy-dom): a plain, non-live description of the same extent.
  return { ...init, collapsed: start.node === end.node && start.offset === end.offset } as AbstractRange;
}

let nextMentionId = 1;

/**
 * The engine reads a block at most this many characters at a time (plus OVERLAP of context each side), so
 * a giant block (a 20 MB text node) is matched in windows that yield to the page between them. A candidate is
 * kept by the window its start lies in; the overlap gives every window's edge the context the engine's
 * word-boundary and context rules look at (aliases are far shorter than it). The windows' evidence, shifted to
 * the block, joins into the block's evidence (document-pass.ts), so a giant block takes part in the page's
 * decision like any other.
 */
export const FIND_WINDOW = 65_536;
export const FIND_OVERLAP = 1024;
/** Mentions indexed between two checks of the slice's time (a giant block has thousands). */
const INDEX_CHUNK = 256;

/** A block read but not yet collected: its evidence is gathered a window at a time (drain). */
interface FindJob {
  block: TextBlock;
  /** The first pass's span it was read in (undefined in a mutation pass). */
  span: number | undefined;
  /** Block offset the next window starts at. */
  at: number;
  /** The evidence of the windows read so far. */
  parts: unknown[];
}

export class PageScanner {
  /** Blocks that hold at least one mention, in document order. */
  readonly ordered: BlockRecord[] = [];
  private readonly byNode = new WeakMap<Text, BlockRecord>();
  private readonly blockOfMention = new WeakMap<PageMention, TextBlock>();
  private readonly mutations: MutationBatcher;
  /** Trees a pass could not finish (the page removed the node it had paused at): the next batch re-reads them. */
  private readonly rereadRoots = new Set<Node>();
  private stopped = false;
  /** The block being indexed when a slice ended in the middle of it (index). */
  private indexing: { entry: PassEntry<BlockRecord>; record: BlockRecord; at: number } | null = null;
  /** A mutation pass is running its slices; another batch came meanwhile. */
  private passing = false;
  private passAgain = false;
  private readonly doc: Document;
  /** Every block of the page and the page-level decision (document-pass.ts). */
  readonly pass: DocumentPass<BlockRecord>;
  /** Longest synchronous slice of the last pass (ms), for the bench and the measure's detail. */
  longestSliceMs = 0;
  /** The most characters handed to the engine in one call (at most FIND_WINDOW + 2 × FIND_OVERLAP). */
  longestFindChars = 0;

  constructor(private readonly options: ScannerOptions) {
    this.doc = options.root.nodeType === 9 ? (options.root as Document) : options.root.ownerDocument!;
    this.pass = new DocumentPass(options.matcher ? documentDecider(options.matcher) : blockDecider(options.find!));
    this.mutations = new MutationBatcher(this.doc, () => void this.processMutations(), options.batchMs ?? 50, (records) =>
      this.dropEdited(records),
    );
  }

  /**
   * A text node's data changed under its marks: their offsets no longer hold, so its block's mentions go at
   * once, in the observer's callback (before the next paint), not when the batch re-reads the block.
   */
  private dropEdited(records: readonly MutationRecord[]): void {
    let dropped = false;
    for (const r of records) {
      if (r.type === 'characterData' && r.target.nodeType === 3 && this.byNode.has(r.target as Text)) {
        dropped = this.dropWithin(r.target) || dropped;
      }
    }
    if (dropped && !this.stopped) this.options.onChange();
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
    this.mutations.observe(root);
    const startTime = performance.now();
    const onShadowRoot = (r: ShadowRoot) => this.mutations.observe(r);
    const region = viewportRegion(root);
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
    let span = 0;
    let viewportPainted = false;
    this.pass.beginSpans(spans.length);
    const pass = this.passSteps(region ? [1, 0, 2].filter((i) => i < spans.length) : [0], (emit, pause) => {
      // The viewport is decided from itself first (provisional) and painted, then the page from all its blocks.
      if (region && span === 1 && !viewportPainted) {
        viewportPainted = true;
        return 'checkpoint';
      }
      if (span >= spans.length) return 'end';
      const { reader } = spans[span]!;
      if (!reader.read((block) => emit(block, span), pause)) return 'paused';
      if (reader.lost) this.rereadRoots.add(root);
      span++;
      return 'more';
    });
    const { stats } = pass;
    if (!(await this.runPass(pass.step, stats, startTime, () => ({ blocks: stats.blocks, viewportFirst: region ? 1 : 0 })))) return;
    this.mutations.startDelivering();
    if (stats.changed) this.options.onChange();
    if (this.mutations.hasPending || this.rereadRoots.size) this.mutations.schedule();
  }

  /**
   * Runs one pass in slices and records its factlens:scan measure (the slices' own work, the page-level
   * decision's share, the longest slice, and the pass's own `detail`, read at its end); false when stopped meanwhile.
   */
  private async runPass(
    step: (pause: () => boolean) => boolean,
    stats: { changed: boolean; chars: number; decisionMs: number },
    startTime: number,
    /** Read once the pass is done. */
    detail: () => Record<string, number>,
  ): Promise<boolean> {
    const workMs = await this.sliced(step, stats);
    if (workMs === null) return false;
    measure('factlens:scan', startTime, {
      decideMs: stats.decisionMs,
      repaintMs: this.pass.repaintMs,
      decisionSteps: this.pass.decisionSteps,
      chars: stats.chars,
      longestSliceMs: this.longestSliceMs,
      workMs,
      ...detail(),
    });
    return true;
  }

  /** Runs `step` in slices, telling onChange between them what a slice found; null when stopped meanwhile. */
  private async sliced(step: (pause: () => boolean) => boolean, stats: { changed: boolean }): Promise<number | null> {
    this.longestSliceMs = 0;
    const done = await runSliced(step, this.options.sliceMs ?? 8, {
      afterSlice: () => {
        if (stats.changed) this.options.onChange();
        stats.changed = false;
      },
      cancelled: () => this.stopped,
    });
    if (!done) return null;
    this.longestSliceMs = done.longestSliceMs;
    return done.workMs;
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
    this.mutations.stop();
  }

  /** Runs our own DOM work (the wrap fallback) so that its mutations are not taken for the page's. */
  withoutObserving(work: () => void): void {
    this.mutations.withoutObserving(work);
  }

  /** Re-reads what the pending mutations touched. Exposed for tests (flush without waiting). */
  async processMutations(): Promise<void> {
    if (this.stopped || (!this.mutations.hasPending && !this.rereadRoots.size)) return;
    // One pass at a time: a batch that comes while a pass still runs its slices waits for it.
    if (this.passing) {
      this.passAgain = true;
      return;
    }
    this.passing = true;
    try {
      await this.mutationPass();
    } finally {
      this.passing = false;
      if (this.passAgain && !this.stopped) {
        this.passAgain = false;
        this.mutations.schedule();
      }
    }
  }

  private async mutationPass(): Promise<void> {
    this.options.beforeMutationPass?.();
    const records = this.mutations.take();
    const startTime = performance.now();
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
    let unit = 0;
    let reader: BlockReader | null = null;
    const pass = this.passSteps(undefined, (emit, pause) => {
      if (reader === null) {
        if (unit >= outer.length) return 'end';
        const next = outer[unit++]!;
        if (!next.isConnected) return 'more';
        pass.stats.changed = this.dropWithin(next) || pass.stats.changed;
        if (isInSkippedSubtree(next)) return 'more';
        reader = new BlockReader(next, { onShadowRoot: (r) => this.mutations.observe(r) });
      }
      if (!reader.read((block) => emit(block, undefined), pause)) return 'paused';
      if (reader.lost) this.rereadRoots.add(reader.root);
      reader = null;
      return pause() ? 'paused' : 'more';
    });
    const { stats } = pass;
    stats.changed = changed;
    if (!(await this.runPass(pass.step, stats, startTime, () => ({ repainted: this.pass.lastRepaint, units: outer.length })))) return;
    if (stats.changed) this.options.onChange();
    if (this.rereadRoots.size) this.mutations.schedule();
  }

  /**
   * One pass's work as a step for runSliced: `read` reads on (handing each block to `emit`) and says where it
   * stands; the blocks read are collected (drain), and at a 'checkpoint' (the viewport, painted before the rest
   * is read) or at the 'end' the page is decided (document-pass.ts), all inside the slices: reading,
   * collecting and deciding (a giant block's 10,000 candidates too). `spanOrder` ends the first pass.
   */
  private passSteps(
    spanOrder: readonly number[] | undefined,
    read: (emit: (block: TextBlock, span: number | undefined) => void, pause: () => boolean) => 'paused' | 'more' | 'checkpoint' | 'end',
  ) {
    const stats = { blocks: 0, chars: 0, changed: false, decisionMs: 0 };
    const queue: FindJob[] = [];
    const emit = (block: TextBlock, span: number | undefined) => {
      stats.blocks++;
      stats.chars += block.text.length;
      queue.push({ block, span, at: 0, parts: [] });
    };
    let deciding: 'checkpoint' | 'end' | null = null;
    const step = (pause: () => boolean): boolean => {
      for (;;) {
        if (deciding) {
          const done = this.settleStep(pause);
          if (done === null) return false;
          stats.decisionMs += this.pass.decisionMs;
          stats.changed = done || stats.changed;
          if (deciding === 'end') return true;
          deciding = null;
          return false; // the checkpoint's marks are painted before reading on
        }
        if (!this.drain(queue, pause)) return false;
        const where = read(emit, pause);
        if (where === 'paused') return false;
        if (where === 'more') continue;
        deciding = where;
        this.pass.beginDecision(where === 'end' ? spanOrder : undefined);
      }
    };
    return { stats, step };
  }

  /**
   * Collects the queued blocks' evidence in order, a window of FIND_WINDOW characters at a time, and adds each
   * block to the pass when its last window is read. Returns false when `pause()` asked to stop first.
   */
  private drain(queue: FindJob[], pause: () => boolean): boolean {
    while (queue.length > 0) {
      const job = queue[0]!;
      const text = job.block.text;
      let evidence: unknown;
      if (job.at === 0 && this.pass.canReuse(text)) {
        evidence = this.pass.collect(text);
      } else if (job.at === 0 && text.length <= FIND_WINDOW) {
        this.longestFindChars = Math.max(this.longestFindChars, text.length);
        evidence = this.pass.collect(text);
      } else {
        while (job.at < text.length) {
          const from = job.at;
          const to = Math.min(text.length, from + FIND_WINDOW);
          const lo = Math.max(0, from - FIND_OVERLAP);
          const hi = Math.min(text.length, to + FIND_OVERLAP);
          this.longestFindChars = Math.max(this.longestFindChars, hi - lo);
          job.parts.push(this.pass.collectWindow(text, lo, hi, from, to));
          job.at = to;
          if (job.at < text.length && pause()) return false;
        }
        evidence = this.pass.join(text, job.parts);
      }
      queue.shift();
      this.pass.add(job.block, evidence, job.span);
    }
    return true;
  }

  /**
   * Runs the decision begun (document-pass.ts) and re-indexes only the blocks whose mentions changed, until
   * `pause()`. Null while not done; then whether the mentions changed.
   */
  private settleStep(pause: () => boolean): boolean | null {
    if (!this.pass.stepDecision((entry, found) => this.index(entry, found, pause), pause)) return null;
    const records = this.pass.records;
    if (records === null) return false;
    this.ordered.length = 0;
    for (const r of records) this.ordered.push(r);
    return true;
  }

  /**
   * Indexes a block with its decided mentions (replacing its old record); returns its record when it holds
   * mentions. Only blocks with mentions are indexed by node (hit tests need no others).
   */
  private index(entry: PassEntry<BlockRecord>, found: Mention[], pause: () => boolean): BlockRecord | null | undefined {
    const { block } = entry;
    let job = this.indexing?.entry === entry ? this.indexing : null;
    if (!job) {
      if (entry.record) for (const node of block.nodes) if (this.byNode.get(node) === entry.record) this.byNode.delete(node);
      if (found.length === 0) return null;
      job = { entry, record: { block, mentions: [] }, at: 0 };
    }
    const { record } = job;
    // A giant block's 10,000 mentions are indexed INDEX_CHUNK at a time, pausing between (resumed here).
    while (job.at < found.length) {
      const m = found[job.at++]!;
      const kind = this.options.kindOf(m.actorId);
      if (kind) {
        const mention = this.toPageMention(block, m, kind);
        this.blockOfMention.set(mention, block);
        record.mentions.push(mention);
      }
      if (job.at % INDEX_CHUNK === 0 && job.at < found.length && pause()) {
        this.indexing = job;
        return undefined;
      }
    }
    this.indexing = null;
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
    const pass = this.pass;
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
      // Why it is marked, from the page's current decision (its fact base's relevance may change later).
      get why() {
        return pass.explain(m);
      },
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
    const forget = (record: BlockRecord) => {
      for (const n of record.block.nodes) this.byNode.delete(n);
      const at = this.ordered.indexOf(record);
      if (at >= 0) this.ordered.splice(at, 1);
    };
    const drop = (text: Text) => {
      // The blocks starting here, and the shown block this node is part of (an inline child removed).
      const first = this.byNode.get(text)?.block.first;
      if (first && first !== text) dropped = this.pass.dropAt(first, forget) || dropped;
      dropped = this.pass.dropAt(text, forget) || dropped;
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

function isBlockOrBlank(node: Node): boolean {
  if (node.nodeType === 3) return (node as Text).data.trim() === '';
  if (node.nodeType !== 1) return false;
  const tag = (node as Element).tagName.toUpperCase();
  return isBlockElement(node as Element) && tag !== 'BR' && tag !== 'IMG';
}
