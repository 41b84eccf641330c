// The layout-dependent page and card modules, bundled for a plain Chromium page by
// tests/e2e/layout-modules.test.ts (no extension): hit-test, caret under the pointer, viewport region,
// placement, scrolling to a mention, CSS highlights. A stand-in engine finds a few names, so the modules'
// own geometry is what is tested.
import type { Mention } from '../../../utils/engine/types';
import type { ActorKind } from '../../../utils/factbase/types';
import { HOST_TAG, removeStaleHosts } from '../../../utils/card/host';
import { placeNextTo, rangeReference } from '../../../utils/card/placement';
import { caretAt } from '../../../utils/page/hit-test';
import { HighlightPainter } from '../../../utils/page/highlights';
import { highlightName, variantOf } from '../../../utils/page/mark-styles';
import { scrollToMention } from '../../../utils/page/mention-cursor';
import { PageMentionIndex } from '../../../utils/page/mention-index';
import { PageScanner } from '../../../utils/page/scanner';
import { viewportRegion } from '../../../utils/page/viewport';
import { DEFAULT_SETTINGS } from '../../../utils/settings/schema';

const ACTORS: Record<string, { id: string; kind: ActorKind }> = {
  'Khalifa Haftar': { id: 'haftar', kind: 'person' },
  Idlib: { id: 'idlib', kind: 'place' },
  Syria: { id: 'syria', kind: 'state' },
};

function find(text: string): Mention[] {
  const re = new RegExp(`(?<![\\p{L}])(${Object.keys(ACTORS).join('|')})(?![\\p{L}])`, 'gu');
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, actorId: ACTORS[m[0]]!.id, surface: m[0] }));
}

/** Scans the document with the real scanner and shows every mention (default settings). */
async function scanPage() {
  const scanner = new PageScanner({ root: document, find, kindOf: (id) => Object.values(ACTORS).find((a) => a.id === id)?.kind, onChange: () => {} });
  const index = new PageMentionIndex(scanner, document, { kinds: DEFAULT_SETTINGS.kinds, firstMentionOnly: false });
  await scanner.start();
  index.refresh();
  return { scanner, index };
}

const layout = {
  scanPage,
  caretAt,
  viewportRegion,
  placeNextTo,
  rangeReference,
  scrollToMention,
  HighlightPainter,
  highlightName,
  variantOf,
  settings: DEFAULT_SETTINGS,
  HOST_TAG,
  removeStaleHosts,
};
export type Layout = typeof layout;
(globalThis as { factlensLayout?: Layout }).factlensLayout = layout;
