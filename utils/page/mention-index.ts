// The mentions as shown: the scanner's mentions filtered by the settings (kinds, first mention only), in
// document order. Implements the MentionIndex the card and the message API use. Recomputed after each scan
// change or settings change; cheap (a pass over the mentions, no DOM work).
import type { BaseRelevance } from '../engine/document';
import type { ActorKind } from '../factbase/types';
import { caretAt, mentionAtPosition, pointInMention } from './hit-test';
import type { PageScanner } from './scanner';
import type { MentionIndex, PageMention } from './types';

export interface DisplayFilter {
  kinds: Record<ActorKind, boolean>;
  firstMentionOnly: boolean;
}

export class PageMentionIndex implements MentionIndex {
  private shown: PageMention[] = [];
  private shownSet = new Set<PageMention>();
  private byActor = new Map<string, PageMention[]>();
  /** Each shown actor's mentions on the page, whether or not "first mention only" marks them. */
  private pageByActor = new Map<string, PageMention[]>();
  private readonly listeners = new Set<() => void>();
  /** Set by the wrap fallback: the mention of a <factlens-mark> under a point. */
  markAt: ((x: number, y: number) => PageMention | null) | null = null;

  constructor(
    private readonly scanner: PageScanner,
    private readonly doc: Document,
    private filter: DisplayFilter,
  ) {}

  setFilter(filter: DisplayFilter): void {
    this.filter = filter;
    this.refresh();
  }

  /** Recomputes what is shown from the scanner's mentions and tells the listeners. */
  refresh(): void {
    const shown: PageMention[] = [];
    const byActor = new Map<string, PageMention[]>();
    const pageByActor = new Map<string, PageMention[]>();
    for (const record of this.scanner.ordered) {
      for (const m of record.mentions) {
        if (!this.filter.kinds[m.kind]) continue;
        const onPage = pageByActor.get(m.actorId);
        if (onPage) onPage.push(m);
        else pageByActor.set(m.actorId, [m]);
        const list = byActor.get(m.actorId);
        if (list && this.filter.firstMentionOnly) continue;
        if (list) list.push(m);
        else byActor.set(m.actorId, [m]);
        shown.push(m);
      }
    }
    this.shown = shown;
    this.shownSet = new Set(shown);
    this.byActor = byActor;
    this.pageByActor = pageByActor;
    for (const listener of [...this.listeners]) listener();
  }

  /** Empties what is shown (Factlens off) without touching the scanner. */
  reset(): void {
    this.shown = [];
    this.shownSet = new Set();
    this.byActor = new Map();
    this.pageByActor = new Map();
    for (const listener of [...this.listeners]) listener();
  }

  all(): PageMention[] {
    return this.shown;
  }

  ofActor(actorId: string): PageMention[] {
    return this.byActor.get(actorId) ?? [];
  }

  /** The page's decision per fact base and how many names it found but did not mark (document-pass.ts). */
  decision(): { bases: BaseRelevance[]; unmarked: number } {
    return { bases: this.scanner.pass.bases, unmarked: this.scanner.pass.unmarked };
  }

  onPage(actorId: string): PageMention[] {
    return this.pageByActor.get(actorId) ?? [];
  }

  /** Distinct actors shown, with their counts on the page (not of the marks shown), in order of first appearance. */
  actorCounts(): { actorId: string; count: number }[] {
    return [...this.byActor.keys()].map((actorId) => ({ actorId, count: this.onPage(actorId).length }));
  }

  at(x: number, y: number): PageMention | null {
    if (this.markAt) return this.markAt(x, y);
    const caret = caretAt(this.doc, x, y);
    if (!caret) return null;
    const m = this.atPosition(caret.node, caret.offset);
    return m && pointInMention(m, x, y) ? m : null;
  }

  atPosition(node: Node, offset: number): PageMention | null {
    const m = mentionAtPosition(this.scanner, node, offset);
    return m && this.shownSet.has(m) ? m : null;
  }

  onChange(callback: () => void): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }
}
