// The mention the reader stepped to (keyboard, popup, the card's previous/next), shown on the page with a
// highlight of its own, `factlens-current`, painted by a ::highlight() rule in the content-script CSS
// (mark-styles.ts). Nothing in the page's DOM changes; where there is no Highlight API nothing is drawn.
import { highlightsSupported } from './highlights';
import { CURRENT_HIGHLIGHT } from './mark-styles';

export interface CurrentMark {
  show(range: AbstractRange): void;
  clear(): void;
}

export function createCurrentMark(win: Window & typeof globalThis = window): CurrentMark {
  let ours: Highlight | null = null;
  const registry = () => win.CSS.highlights as unknown as Map<string, Highlight>;
  return {
    show(range) {
      if (!highlightsSupported(win)) return;
      ours ??= new win.Highlight();
      ours.clear();
      ours.add(range);
      // Above the kind's marks: drawn last.
      ours.priority = 1;
      if (registry().get(CURRENT_HIGHLIGHT) !== ours) registry().set(CURRENT_HIGHLIGHT, ours);
    },
    clear() {
      if (!ours) return;
      ours.clear();
      if (registry().get(CURRENT_HIGHLIGHT) === ours) registry().delete(CURRENT_HIGHLIGHT);
    },
  };
}
