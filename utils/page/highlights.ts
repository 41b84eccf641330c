// Paints mentions with the CSS Custom Highlight API: the page's DOM is not touched at all. One Highlight per
// kind and look, registered under a name that encodes the look ("factlens-dotted-d9480f", see mark-styles.ts),
// painted by the static ::highlight() rules of the manifest's content-script CSS. Kinds that share a look share
// a Highlight. Highlights the page registered itself are never touched.
import type { ActorKind } from '../factbase/types';
import { highlightName, variantOf, type MarkStyle } from './mark-styles';
import type { PageMention } from './types';

export interface MarkPainter {
  /** Shows exactly these mentions in this style (a diff against what is shown). */
  paint(mentions: readonly PageMention[], style: MarkStyle): void;
  /** Removes every mark at once. */
  clear(): void;
  /** Puts back what the page took away (CSS.highlights cleared or an entry replaced); true when it did. */
  restore?(): boolean;
}

type HighlightRegistry = Map<string, Highlight>;

export function highlightsSupported(win: Window & typeof globalThis = window): boolean {
  return typeof win.CSS !== 'undefined' && 'highlights' in win.CSS && typeof win.Highlight === 'function';
}

export class HighlightPainter implements MarkPainter {
  /** Name → our Highlight (only the names we registered). */
  private readonly ours = new Map<string, Highlight>();
  /** What is shown: mention → the name of the Highlight holding its range. */
  private readonly shown = new Map<PageMention, string>();

  constructor(private readonly win: Window & typeof globalThis = window) {}

  private get registry(): HighlightRegistry {
    return this.win.CSS.highlights as unknown as HighlightRegistry;
  }

  paint(mentions: readonly PageMention[], style: MarkStyle): void {
    const variant = variantOf(style);
    // One name per kind and paint: the scanner paints after every slice, each time with every mention.
    const names = new Map<ActorKind, string>();
    const nameOf = (kind: ActorKind) => {
      let name = names.get(kind);
      if (name === undefined) names.set(kind, (name = highlightName(variant, style.colours[kind], kind)));
      return name;
    };
    const wanted = new Set(mentions);
    for (const [mention, name] of this.shown) {
      if (!wanted.has(mention) || nameOf(mention.kind) !== name) {
        this.ours.get(name)?.delete(mention.range);
        this.shown.delete(mention);
      }
    }
    for (const mention of mentions) {
      if (this.shown.has(mention)) continue;
      const name = nameOf(mention.kind);
      this.highlight(name).add(mention.range);
      this.shown.set(mention, name);
    }
    // Unregister our empty highlights so the page sees only the ones in use.
    for (const [name, h] of this.ours) {
      if (h.size === 0) {
        if (this.registry.get(name) === h) this.registry.delete(name);
        this.ours.delete(name);
      }
    }
    this.restore();
  }

  /**
   * A page may call CSS.highlights.clear() or delete or replace our names: one lookup per name in use puts
   * ours back (run on each paint and on the context's tick). A page's own highlight under one of our names
   * is replaced: the names are Factlens's (the manifest's ::highlight() rules paint them).
   */
  restore(): boolean {
    let restored = false;
    for (const [name, h] of this.ours) {
      if (this.registry.get(name) !== h) {
        this.registry.set(name, h);
        restored = true;
      }
    }
    return restored;
  }

  clear(): void {
    for (const [name, h] of this.ours) {
      h.clear();
      if (this.registry.get(name) === h) this.registry.delete(name);
    }
    this.ours.clear();
    this.shown.clear();
  }

  private highlight(name: string): Highlight {
    let h = this.ours.get(name);
    if (!h) {
      h = new this.win.Highlight();
      this.ours.set(name, h);
    }
    // (Re-)register: a page that cleared CSS.highlights must not leave us painting nothing.
    if (this.registry.get(name) !== h) this.registry.set(name, h);
    return h;
  }
}
