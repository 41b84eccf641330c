// The page's document pass (issue 12): every block of the page in page order, each block's evidence collected
// once as the scanner reads it (inside its time slices), and one page decision (utils/engine/document.ts) per
// scan or mutation pass. It keeps each block's last decided mentions, so a pass tells the scanner which blocks
// to paint again: the blocks read anew, and the old blocks whose marks a page-level decision changed ("Donald
// Trump" added below a "Fred Trump" paragraph) — not the whole page. Blocks whose text comes back unchanged
// (re-read after an attribute change) reuse their evidence, as updateDocument does.
import {
  collectBlock,
  decideDocumentSteps,
  describeMention,
  relevanceFor,
  sameMentions,
  type BaseRelevance,
  type BlockEvidence,
  type Candidate,
  type DocumentResult,
} from '../engine/document';
import type { Matcher } from '../engine/matcher';
import type { Mention } from '../engine/types';
import { compareNodes } from './document-order';
import type { TextBlock } from './text-index';

/** How a page is decided: per page (the document pass) or per block (a stand-in engine, tests). */
export interface PageDecider<E> {
  /** Phase 1, per block, as it is read: the costly part (the scan). */
  collect(text: string): E;
  /**
   * A window of a giant block: collects `text.slice(lo, hi)` and keeps what starts in [from, to) (the rest is the
   * overlap, kept by its neighbour), offsets shifted to the block.
   */
  collectWindow(text: string, lo: number, hi: number, from: number, to: number): E;
  /** The windows of one block, in order, joined into its evidence. */
  join(text: string, parts: readonly E[]): E;
  /**
   * Phase 2, per page: final mentions per block, with the page's decision per fact base; in steps (a generator
   * that yields now and then), so that the scanner runs it inside its time slices.
   */
  decide(evidence: readonly E[]): Generator<void, Decided>;
  /** Why a mention of the last decision is marked, as a sentence (the card). */
  explain?(mention: Mention): string;
}

export interface Decided {
  mentions: Mention[][];
  bases: BaseRelevance[];
  unmarked: number;
}

/** The document pass of utils/engine/document.ts over a matcher. */
export function documentDecider(matcher: Matcher): PageDecider<BlockEvidence> {
  let last: DocumentResult | null = null;
  return {
    collect: (text) => collectBlock(text, matcher),
    collectWindow: (text, lo, hi, from, to) => {
      const { candidates, spelled } = collectBlock(text.slice(lo, hi), matcher);
      const kept: Candidate[] = [];
      for (const c of candidates) {
        const start = c.start + lo;
        if (start >= from && start < to) kept.push({ ...c, start, end: c.end + lo });
      }
      return { text, candidates: kept, spelled };
    },
    join: (text, parts) => {
      const spelled = new Map<string, string>();
      // The first window to spell an acronym out wins, as the first block does in decideDocument.
      for (const p of parts) for (const [k, v] of p.spelled) if (!spelled.has(k)) spelled.set(k, v);
      return { text, candidates: parts.flatMap((p) => p.candidates), spelled };
    },
    decide: function* (evidence) {
      last = yield* decideDocumentSteps(evidence, matcher);
      return { mentions: last.mentions, bases: last.bases, unmarked: last.unmarked.length };
    },
    explain: (m) => describeMention(m, last ? relevanceFor(last, matcher, m.actorId) : undefined),
  };
}

/** Each block alone (findMentions or a stand-in): no page-level decision. */
export function blockDecider(find: (text: string) => Mention[]): PageDecider<Mention[]> {
  return {
    collect: find,
    collectWindow: (text, lo, hi, from, to) => {
      const kept: Mention[] = [];
      for (const m of find(text.slice(lo, hi))) {
        const start = m.start + lo;
        if (start >= from && start < to) kept.push({ ...m, start, end: m.end + lo });
      }
      return kept;
    },
    join: (_text, parts) => parts.flat(),
    decide: function* (evidence) {
      return { mentions: evidence as Mention[][], bases: [], unmarked: 0 };
    },
  };
}

/** One block of the page as the pass knows it; `record` is the scanner's (null when it shows nothing). */
export interface PassEntry<R> {
  readonly block: TextBlock;
  readonly evidence: unknown;
  /** The mentions last decided for it (null: not decided yet, so it must be painted). */
  mentions: Mention[] | null;
  record: R | null;
  dead: boolean;
}

export class DocumentPass<R> {
  /** Every live block, in page order (the dead are swept at each decision). */
  private entries: PassEntry<R>[] = [];
  /** Blocks read since the last decision of a mutation pass, merged into `entries` by document order at the next. */
  private pending: PassEntry<R>[] = [];
  /** Blocks read by the first pass, per span of it; joined in page order at its last decision. */
  private spans: PassEntry<R>[][] | null = null;
  /**
   * Blocks by their first text node (a list: the windows of one giant text node share it). A Map, not a
   * WeakMap: it holds no node the live entries do not hold already (dropAt deletes a key as its blocks die), and
   * filling a WeakMap with every block's node cost nytimes-1's first scan about 1.3 ms of its 12.6 (builds
   * alternated, 16 loads each: 12.60 → 11.35 ms), the garbage collector's ephemeron work included.
   */
  private readonly byFirstNode = new Map<Text, PassEntry<R>[]>();
  /** Evidence of blocks dropped in this pass, by text: a block re-read with the same text is not scanned again. */
  private recycled = new Map<string, unknown[]>();
  /** The page's decision per fact base and the number of candidates not marked, from the last decision. */
  bases: BaseRelevance[] = [];
  unmarked = 0;
  /** Blocks painted again by the last decision (for tests and the measure). */
  lastRepaint = 0;
  /** The records of the page after the last decision that repainted anything (see stepDecision). */
  records: R[] | null = null;
  /** Time spent deciding in the last decision (ms), its repaints not counted: the document pass's own cost. */
  decisionMs = 0;
  /** How many steps (slices) the last decision took, its repaints included: a giant block's spread over many. */
  decisionSteps = 0;
  /** Time spent repainting (indexing) the blocks the last decision changed (ms). */
  repaintMs = 0;
  /** The decision under way (run in the scanner's slices). */
  private job: {
    list: PassEntry<R>[];
    steps: Generator<void, Decided>;
    decided: Decided | null;
    at: number;
    /** The block at `at` is being repainted (its repaint paused). */
    painting: boolean;
    repainted: number;
  } | null = null;

  constructor(private readonly decider: PageDecider<unknown>) {}

  /** The first pass reads the page in `count` spans (viewport, before it, after it), joined at its last decision. */
  beginSpans(count: number): void {
    this.spans = Array.from({ length: count }, () => []);
  }

  /** Whether a block of this text was dropped in this pass: its evidence is reused, not collected again. */
  canReuse(text: string): boolean {
    // Nothing was dropped (a first pass, most mutation passes): no look-up, which would hash every block's text.
    return this.recycled.size > 0 && text.length <= RECYCLE_MAX && (this.recycled.get(text)?.length ?? 0) > 0;
  }

  /** A block's evidence (the costly part): a dropped block's of the same text, else collected. */
  collect(text: string): unknown {
    const reused = this.recycled.size > 0 ? this.recycled.get(text)?.pop() : undefined;
    return reused !== undefined ? reused : this.decider.collect(text);
  }

  /** A window of a giant block (PageDecider.collectWindow); `join` makes the block's evidence of them. */
  collectWindow(text: string, lo: number, hi: number, from: number, to: number): unknown {
    return this.decider.collectWindow(text, lo, hi, from, to);
  }

  join(text: string, parts: readonly unknown[]): unknown {
    return this.decider.join(text, parts);
  }

  /** Adds a block read and collected; `span` during the first pass, else it is placed by document order. */
  add(block: TextBlock, evidence: unknown, span?: number): void {
    const entry: PassEntry<R> = {
      block,
      evidence,
      mentions: null,
      record: null,
      dead: false,
    };
    // The block's first node, not its node list: most blocks never need theirs made (text-index.ts).
    const list = this.byFirstNode.get(block.first);
    if (list) list.push(entry);
    else this.byFirstNode.set(block.first, [entry]);
    if (this.spans && span !== undefined) this.spans[span]!.push(entry);
    else this.pending.push(entry);
  }

  /** Forgets the blocks that start at this text node; returns whether one of them showed mentions. */
  dropAt(node: Text, dropRecord: (record: R) => void): boolean {
    const entries = this.byFirstNode.get(node);
    if (!entries) return false;
    this.byFirstNode.delete(node);
    let dropped = false;
    for (const entry of entries) {
      if (entry.dead) continue;
      entry.dead = true;
      // A giant block is not kept by its text: hashing 20 MB as a key is one long step; it is collected again
      // in windows, sliced.
      if (entry.block.text.length <= RECYCLE_MAX) {
        let list = this.recycled.get(entry.block.text);
        if (!list) this.recycled.set(entry.block.text, (list = []));
        list.push(entry.evidence);
      }
      if (entry.record !== null) {
        dropRecord(entry.record);
        entry.record = null;
        dropped = true;
      }
    }
    return dropped;
  }

  /**
   * Decides the page from every block read so far, in one go (tests; the scanner uses beginDecision and
   * stepDecision, in its slices). See stepDecision.
   */
  decide(repaint: (entry: PassEntry<R>, mentions: Mention[]) => R | null | undefined, spanOrder?: readonly number[]): R[] | null {
    this.beginDecision(spanOrder);
    this.stepDecision(repaint, () => false);
    return this.records;
  }

  /**
   * Begins a decision over every block read so far. `spanOrder` (the first pass's spans in page order) ends
   * the first pass; without it, during the first pass, the decision is provisional (the viewport painted
   * before the rest is read).
   */
  beginDecision(spanOrder?: readonly number[]): void {
    let list: PassEntry<R>[];
    if (this.spans) {
      // During the first pass (no mutation pass runs before it ends): the spans read so far, joined.
      list = [];
      for (const i of spanOrder ?? this.spans.map((_, k) => k)) for (const e of this.spans[i]!) if (!e.dead) list.push(e);
      if (spanOrder) {
        this.entries = list;
        this.spans = null;
      }
    } else list = this.entries = mergeByPosition(this.entries, this.pending);
    this.pending = [];
    this.recycled = new Map();
    this.records = null;
    this.job = { list, steps: this.decider.decide(list.map((e) => e.evidence)), decided: null, at: 0, painting: false, repainted: 0 };
    this.decisionMs = 0;
    this.decisionSteps = 0;
    this.repaintMs = 0;
  }

  /**
   * Runs the decision begun, then calls `repaint` for each block whose mentions changed (with its new
   * mentions; it returns the new record, or undefined when it paused in the middle of a giant block: it is
   * called again for that block at the next step), stopping when `pause()` says so. True when done: `records` then
   * holds the page's records in page order when anything was repainted (else null). A block the page dropped
   * meanwhile (edited under its marks) is skipped: the next mutation pass reads it again.
   */
  stepDecision(repaint: (entry: PassEntry<R>, mentions: Mention[]) => R | null | undefined, pause: () => boolean): boolean {
    const job = this.job;
    if (!job) return true;
    this.decisionSteps++;
    if (!job.decided) {
      const t = performance.now();
      for (;;) {
        const next = job.steps.next();
        if (next.done) {
          job.decided = next.value;
          break;
        }
        if (pause()) {
          this.decisionMs += performance.now() - t;
          return false;
        }
      }
      this.decisionMs += performance.now() - t;
      this.bases = job.decided.bases;
      this.unmarked = job.decided.unmarked;
    }
    const { list, decided } = job;
    while (job.at < list.length) {
      const i = job.at;
      const entry = list[i]!;
      const mentions = decided.mentions[i]!;
      if (entry.dead) {
        job.at++;
        job.painting = false;
        continue;
      }
      if (!job.painting) {
        if (entry.mentions !== null && sameMentions(entry.mentions, mentions)) {
          job.at++;
          continue;
        }
        // A block never shown that still shows nothing needs no paint.
        const unseen = entry.mentions === null && mentions.length === 0;
        entry.mentions = mentions;
        if (unseen) {
          job.at++;
          continue;
        }
      }
      const t = performance.now();
      const record = repaint(entry, mentions);
      this.repaintMs += performance.now() - t;
      // A giant block's repaint paused in its middle: resumed at the next step.
      job.painting = record === undefined;
      if (job.painting) return false;
      entry.record = record!;
      job.at++;
      job.repainted++;
      if (job.at < list.length && pause()) return false;
    }
    this.job = null;
    this.lastRepaint = job.repainted;
    if (job.repainted === 0) return true;
    const records: R[] = [];
    for (const e of list) if (e.record !== null) records.push(e.record);
    this.records = records;
    return true;
  }

  explain(mention: Mention): string | undefined {
    return this.decider.explain?.(mention);
  }
}

/** The longest block text kept for reuse (longer ones are read in windows anyway). */
const RECYCLE_MAX = 65_536;

function byPosition(a: PassEntry<unknown>, b: PassEntry<unknown>): number {
  return compareNodes(a.block.first, b.block.first);
}

/** The live entries of both lists in document order (`sorted` is; `added` is sorted here): O(n + k log k). */
function mergeByPosition<R>(sorted: readonly PassEntry<R>[], added: PassEntry<R>[]): PassEntry<R>[] {
  const extra = added.filter((e) => !e.dead).sort(byPosition);
  const out: PassEntry<R>[] = [];
  let j = 0;
  for (const e of sorted) {
    if (e.dead) continue;
    while (j < extra.length && byPosition(extra[j]!, e) < 0) out.push(extra[j++]!);
    out.push(e);
  }
  while (j < extra.length) out.push(extra[j++]!);
  return out;
}
