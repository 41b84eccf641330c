// The card's state machine: which mention's card is open (or asked for while the view loads), how it was
// opened, whether it is pinned, and the rules between them (a hover never replaces a clicked or pinned card;
// a step acts as a click and keeps the pin). No DOM: the controller turns its answers into view calls.
import type { MentionStats, StepDirection } from '../../components/card/types';
import { stepPosition } from '../page/mention-cursor';
import type { MentionIndex, PageMention } from '../page/types';

export type Origin = 'hover' | 'click' | 'keyboard';

export interface CardRequest {
  mention: PageMention;
  origin: Origin;
  pinned: boolean;
  /** The link the mention sits in, when a tap opened the card instead of following it. */
  link?: HTMLAnchorElement;
}

/** A card on screen: the request and the live range it was placed against. */
export interface OpenCard extends CardRequest {
  range: Range;
  /** The id of the mention it opened on, kept while it follows that mention through re-reads (the view's key). */
  openedOn?: number;
}

export class CardState {
  /** The card on screen. */
  open: OpenCard | null = null;
  /** A card asked for while the view is still loading. */
  pending: CardRequest | null = null;

  /** The mention whose card Escape closed: hovering it again opens nothing until the pointer has left it. */
  private dismissedId: number | null = null;

  constructor(private readonly index: MentionIndex) {}

  /** Escape on the open card: it stays closed while the pointer is still on its mention. */
  dismiss(): void {
    this.dismissedId = this.open?.mention.id ?? this.pending?.mention.id ?? null;
  }

  /** The mention a hover may act on: none while the pointer is still on a dismissed one. */
  hoverTarget(over: PageMention | null): PageMention | null {
    if (over && over.id === this.dismissedId) return null;
    this.dismissedId = null;
    return over;
  }

  /** The mention whose card is open or coming (hover intent's "is this the same mention"). */
  wantedMention(): PageMention | null {
    return this.open?.mention ?? this.pending?.mention ?? null;
  }

  /** Whether passing the pointer over a mention may open its card now. */
  hoverMayOpen(): boolean {
    const current = this.open ?? this.pending;
    return !current || (!current.pinned && current.origin === 'hover');
  }

  /** Whether the card open (or coming) is a hover's own, one leaving the mention and card closes. */
  closesOnLeave(card: CardRequest | null): boolean {
    return !!card && card.origin === 'hover' && !card.pinned;
  }

  /** Whether a click on this mention opens its card (not when that card is already open from a click). */
  clickOpens(mention: PageMention): boolean {
    return !(this.open?.mention.id === mention.id && this.open.origin !== 'hover');
  }

  /**
   * After the page's mentions changed: a coming or open card whose mention was re-read over the same text follows
   * the new record; a coming card whose mention went is dropped; says whether the open one went.
   */
  openMentionGone(): boolean {
    const all = this.index.all();
    const ids = new Set(all.map((m) => m.id));
    if (this.pending && !ids.has(this.pending.mention.id)) {
      const next = sameMentionIn(all, this.pending.mention);
      this.pending = next ? { ...this.pending, mention: next } : null;
    }
    if (!this.open || ids.has(this.open.mention.id)) return false;
    // A re-read of unchanged text (the page added a <style>, a class, a sibling) makes new mention records
    // over the same characters: the card follows its mention instead of closing under the reader.
    const next = sameMentionIn(all, this.open.mention);
    if (!next) return true;
    this.open = { ...this.open, mention: next, range: next.toRange(), openedOn: this.open.openedOn ?? this.open.mention.id };
    return false;
  }

  /** Where the open mention stands among an actor's mentions. */
  mentionStats(actorId: string): MentionStats {
    const at = this.positionIn(actorId);
    return { count: this.index.onPage(actorId).length, index: at >= 0 ? at : null };
  }

  /** The request that steps from the open card to an actor's next or previous mention, if any. */
  step(actorId: string, direction: StepDirection): CardRequest | null {
    // Through every mention on the page ("first mention only" marks one; the current mark shows the rest).
    const list = this.index.onPage(actorId);
    if (list.length === 0 || !this.open) return null;
    const next = list[stepPosition(this.positionIn(actorId), list.length, direction)];
    // As a click: focus stays on the button pressed, and the card stays until dismissed.
    return next ? { mention: next, origin: 'click', pinned: this.open.pinned } : null;
  }

  private positionIn(actorId: string): number {
    const open = this.open;
    if (!open || open.mention.actorId !== actorId) return -1;
    return this.index.onPage(actorId).findIndex((m) => m.id === open.mention.id);
  }
}

/** The mention now over the same text as `old` (same actor, same start and end in the same nodes), if any. */
export function sameMentionIn(all: readonly PageMention[], old: PageMention): PageMention | null {
  const a = old.range;
  return (
    all.find(
      (m) =>
        m.actorId === old.actorId &&
        m.range.startContainer === a.startContainer &&
        m.range.startOffset === a.startOffset &&
        m.range.endContainer === a.endContainer &&
        m.range.endOffset === a.endOffset,
    ) ?? null
  );
}
