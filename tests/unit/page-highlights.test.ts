// The painter's bookkeeping against a stand-in for CSS.highlights (Node has no Highlight API; the real one is
// checked in the browser tests): one Highlight per look and kind, a diff per paint, our names only.
import { describe, expect, it } from 'vitest';
import { HighlightPainter } from '../../utils/page/highlights';
import { highlightName, variantOf } from '../../utils/page/mark-styles';
import { defaultSettings } from '../../utils/settings/schema';
import type { PageMention } from '../../utils/page/types';
import type { ActorKind } from '../../utils/factbase/types';

class FakeHighlight extends Set<AbstractRange> {}

function fakeWindow() {
  const highlights = new Map<string, FakeHighlight>();
  return { win: { CSS: { highlights }, Highlight: FakeHighlight } as unknown as Window & typeof globalThis, highlights };
}

let nextId = 1;
function mention(kind: ActorKind): PageMention {
  return { id: nextId++, kind, range: {} as AbstractRange } as PageMention;
}

describe('HighlightPainter', () => {
  it('paints each mention once in its kind\'s highlight, and only what is asked, across paints', () => {
    const { win, highlights } = fakeWindow();
    const painter = new HighlightPainter(win);
    const style = defaultSettings();
    const name = (kind: ActorKind) => highlightName(variantOf(style), style.colours[kind], kind);
    const people = [mention('person'), mention('person')];
    const place = mention('place');
    highlights.set('page-own', new FakeHighlight());

    painter.paint([...people, place], style);
    expect(highlights.get(name('person'))?.size).toBe(2);
    expect(highlights.get(name('place'))?.size).toBe(1);

    // A later slice adds a mention; one goes: the diff keeps the rest.
    const later = mention('person');
    painter.paint([people[0]!, later, place], style);
    expect([...highlights.get(name('person'))!]).toEqual([people[0]!.range, later.range]);

    // A kind with nothing left is unregistered; the page's own highlight stays.
    painter.paint([people[0]!], style);
    expect(highlights.has(name('place'))).toBe(false);
    expect(highlights.has('page-own')).toBe(true);

    painter.clear();
    expect([...highlights.keys()]).toEqual(['page-own']);
  });

  it('moves mentions to the highlight of a new look when the style changes', () => {
    const { win, highlights } = fakeWindow();
    const painter = new HighlightPainter(win);
    const style = defaultSettings();
    const m = mention('organisation');
    painter.paint([m], style);
    const tint = { ...style, markStyle: 'tint' as const };
    painter.paint([m], tint);
    const before = highlightName(variantOf(style), style.colours.organisation, 'organisation');
    const after = highlightName(variantOf(tint), tint.colours.organisation, 'organisation');
    expect(after).not.toBe(before);
    expect(highlights.has(before)).toBe(false);
    expect(highlights.get(after)?.size).toBe(1);
  });
});
