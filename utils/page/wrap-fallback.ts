// Fallback where CSS.highlights is missing (Firefox before 140): mentions are wrapped in <factlens-mark>
// elements, and unwrapped to the exact original DOM (the same text node objects, split nodes merged back).
// The scanner always reads the unwrapped page (see ScannerOptions.beforeMutationPass), so its node index and
// ranges stay those of the original DOM.
import type { MarkPainter } from './highlights';
import { declarations, nearestPaletteColour, variantOf, type MarkStyle } from './mark-styles';
import { MARK_ELEMENT } from './own-nodes';
import type { TextBlock } from './text-index';
import type { PageMention } from './types';

interface Segment {
  node: Text;
  start: number;
  end: number;
  mention: PageMention;
}

export class WrapPainter implements MarkPainter {
  /** Each original text node that was split → the pieces now standing for it, first piece = the original. */
  private readonly split = new Map<Text, Set<Text>>();
  private readonly marks: HTMLElement[] = [];
  private readonly marksOf = new Map<PageMention, HTMLElement[]>();
  private readonly mentionOf = new WeakMap<Element, PageMention>();

  /**
   * @param blockOf the block a mention was found in (from the scanner)
   * @param ownDomChange runs our DOM work so the scanner ignores its mutations
   */
  constructor(
    private readonly doc: Document,
    private readonly blockOf: (mention: PageMention) => TextBlock | undefined,
    private readonly ownDomChange: (work: () => void) => void = (work) => work(),
  ) {}

  get isWrapped(): boolean {
    return this.marks.length > 0;
  }

  paint(mentions: readonly PageMention[], style: MarkStyle): void {
    this.ownDomChange(() => {
      this.unwrapAll();
      this.wrapAll(mentions, style);
    });
  }

  clear(): void {
    this.ownDomChange(() => this.unwrapAll());
  }

  /** The mention a mark element belongs to (hit-testing in fallback mode). */
  mentionAt(element: Element | null): PageMention | null {
    const mark = element?.closest(MARK_ELEMENT);
    return mark ? (this.mentionOf.get(mark) ?? null) : null;
  }

  /** A live range over a wrapped mention in the current DOM. */
  rangeOf(mention: PageMention): Range | null {
    const marks = this.marksOf.get(mention);
    if (!marks?.length) return null;
    marks.sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
    const range = this.doc.createRange();
    range.setStartBefore(marks[0]!);
    range.setEndAfter(marks[marks.length - 1]!);
    return range;
  }

  private wrapAll(mentions: readonly PageMention[], style: MarkStyle): void {
    const variant = variantOf(style);
    const byNode = new Map<Text, Segment[]>();
    for (const mention of mentions) {
      const block = this.blockOf(mention);
      if (!block) continue;
      for (let i = 0; i < block.nodes.length; i++) {
        const node = block.nodes[i]!;
        const nodeStart = block.starts[i]!;
        const nodeEnd = nodeStart + node.data.length;
        if (nodeEnd <= mention.blockStart || nodeStart >= mention.blockEnd) continue;
        if (!node.isConnected) continue;
        const segment = {
          node,
          start: Math.max(mention.blockStart - nodeStart, 0),
          end: Math.min(mention.blockEnd - nodeStart, node.data.length),
          mention,
        };
        const list = byNode.get(node) ?? [];
        list.push(segment);
        byNode.set(node, list);
      }
    }
    for (const [node, segments] of byNode) {
      // From the end, so earlier offsets in `node` stay valid as it is split.
      segments.sort((a, b) => b.start - a.start);
      const pieces = new Set<Text>([node]);
      for (const s of segments) {
        if (s.end < node.data.length) pieces.add(node.splitText(s.end));
        const middle = s.start > 0 ? node.splitText(s.start) : node;
        pieces.add(middle);
        const mark = this.doc.createElement(MARK_ELEMENT);
        mark.setAttribute('style', declarations(variant, nearestPaletteColour(style.colours[s.mention.kind]), s.mention.kind));
        middle.parentNode!.insertBefore(mark, middle);
        mark.appendChild(middle);
        this.marks.push(mark);
        this.mentionOf.set(mark, s.mention);
        const list = this.marksOf.get(s.mention) ?? [];
        list.push(mark);
        this.marksOf.set(s.mention, list);
      }
      this.split.set(node, pieces);
    }
  }

  private unwrapAll(): void {
    for (const mark of this.marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
    }
    this.marks.length = 0;
    this.marksOf.clear();
    // Merge the pieces back into the original node, which keeps its identity (appendData: ranges stay valid).
    for (const [original, pieces] of this.split) {
      let next = original.nextSibling;
      while (next && next.nodeType === 3 && pieces.has(next as Text)) {
        const following = next.nextSibling;
        original.appendData((next as Text).data);
        next.parentNode!.removeChild(next);
        next = following;
      }
    }
    this.split.clear();
  }
}
