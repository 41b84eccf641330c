// Follows the page's mutations for the scanner: one MutationObserver per tree (the document and each open
// shadow root), the page's records kept and Factlens's own dropped (own-nodes.ts), delivered in batches
// after a short delay so a burst of changes costs one pass.
import { isOwnMutation } from './own-nodes';

export class MutationBatcher {
  private readonly observers: MutationObserver[] = [];
  private readonly observed = new WeakSet<Node>();
  private pending: MutationRecord[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private delivering = false;
  private stopped = false;

  /** @param onBatch called after `batchMs` once records (or a schedule()) are waiting */
  constructor(
    private readonly doc: Document,
    private readonly onBatch: () => void,
    private readonly batchMs = 50,
    /** Called in the observer's own callback (before the next paint) with the page's records. */
    private readonly onRecords?: (records: readonly MutationRecord[]) => void,
  ) {}

  /** Observes a tree (once): text, structure, and the attributes that hide a subtree or make it editable. */
  observe(root: Node): void {
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

  /** From now on, records call for a batch (before, during the first pass, they only wait). */
  startDelivering(): void {
    this.delivering = true;
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** The records waiting, now forgotten here. */
  take(): MutationRecord[] {
    const records = this.pending;
    this.pending = [];
    return records;
  }

  /** Calls onBatch after the delay (once, however often asked meanwhile). */
  schedule(): void {
    if (this.timer !== undefined || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onBatch();
    }, this.batchMs);
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

  stop(): void {
    this.stopped = true;
    for (const o of this.observers) o.disconnect();
    this.observers.length = 0;
    clearTimeout(this.timer);
    this.pending = [];
  }

  private enqueue(records: MutationRecord[]): void {
    if (this.stopped) return;
    const from = this.pending.length;
    for (const r of records) if (!isOwnMutation(r)) this.pending.push(r);
    if (this.pending.length > from) this.onRecords?.(this.pending.slice(from));
    if (this.pending.length && this.delivering) this.schedule();
  }
}
