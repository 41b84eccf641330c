// @vitest-environment happy-dom
// The card's behaviour on a page: lazy host, shadow root and styles, opening, Escape, click elsewhere,
// focus in and back, prev/next, turning off. A fake mention index stands in for the page's scanner.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardController, type CardController, type CardSettings } from '../../utils/card/controller';
import { createActorLookup } from '../../utils/card/lookup';
import { HOST_TAG } from '../../utils/card/host';
import { createCardView } from '../../utils/card/view';
import type { CreateCardView } from '../../utils/card/view-types';
import type { MentionIndex, PageMention } from '../../utils/page/types';
import { DEFAULT_SETTINGS } from '../../utils/settings/schema';
import { FACT_BASE } from '../fixtures/components/card-data';
import { acceptSyntheticEvents } from '../../utils/card/card-listeners';

// happy-dom dispatches no trusted events; in a browser the card ignores a page's synthetic ones.
acceptSyntheticEvents();

const settings: CardSettings = { ...DEFAULT_SETTINGS };
/** How far the page has scrolled the mentions up (the fake layout). */
let scrolledBy = 0;

function fakeMention(id: number, actorId: string, el: HTMLElement): PageMention {
  const text = el.firstChild!;
  const toRange = () => {
    const r = document.createRange();
    r.setStart(text, 0);
    r.setEnd(text, text.textContent!.length);
    // happy-dom lays nothing out: give each mention a box in view.
    r.getBoundingClientRect = () => DOMRect.fromRect({ x: 40, y: 40 * id - scrolledBy, width: 60, height: 18 });
    r.getClientRects = () => [r.getBoundingClientRect()] as unknown as DOMRectList;
    return r;
  };
  return {
    id,
    actorId,
    kind: 'organisation',
    surface: text.textContent!,
    range: toRange(),
    toRange,
    blockStart: 0,
    blockEnd: text.textContent!.length,
    context: text.textContent!,
  };
}

function fakeIndex(mentions: PageMention[]): MentionIndex & { emit(): void; mentions: PageMention[] } {
  const listeners = new Set<() => void>();
  return {
    mentions,
    all: () => mentions,
    ofActor: (id) => mentions.filter((m) => m.actorId === id),
    onPage: (id) => mentions.filter((m) => m.actorId === id),
    at: () => null,
    atPosition: () => null,
    onChange: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    emit: () => listeners.forEach((cb) => cb()),
  };
}

/** The real view, noting which mention's card it shows (the controller keeps that to itself). */
let shownKey: string | number | null = null;
const recordingView: CreateCardView = (doc) => {
  const view = createCardView(doc);
  return {
    ...view,
    show(range, props, theme, options) {
      shownKey = props.mentionKey;
      view.show(range, props, theme, options);
    },
    hide() {
      shownKey = null;
      view.hide();
    },
    remove() {
      shownKey = null;
      view.remove();
    },
  };
};
/** The id of the mention whose card is on screen, or null. */
const openMentionId = () => (document.querySelector(HOST_TAG)?.shadowRoot?.querySelector('[role="dialog"]') ? shownKey : null);

let controller: CardController;
let index: ReturnType<typeof fakeIndex>;
let openFactbase: ReturnType<typeof vi.fn<(actorId: string) => void>>;
let button: HTMLButtonElement;

beforeEach(() => {
  // happy-dom lays nothing out: a viewport size, so Floating UI sees the mentions as in view.
  Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, value: 1024 });
  Object.defineProperty(document.documentElement, 'clientHeight', { configurable: true, value: 768 });
  scrolledBy = 0;
  shownKey = null;
  document.body.innerHTML = `<p><span id="a">Wagner</span> and <span id="b">Wagner group</span>, <span id="c">Haftar</span></p><button id="page-button">page</button>`;
  button = document.getElementById('page-button') as HTMLButtonElement;
  index = fakeIndex([
    fakeMention(1, 'wagner-group', document.getElementById('a')!),
    fakeMention(2, 'wagner-group', document.getElementById('b')!),
    fakeMention(3, 'haftar', document.getElementById('c')!),
  ]);
  openFactbase = vi.fn();
  // The view is given directly here; the extension loads it on the first open (tests/e2e/card.test.ts).
  controller = createCardController({ index, lookup: createActorLookup(FACT_BASE), settings, openFactbase, view: recordingView });
});

afterEach(() => controller.destroy());

const hostEl = () => document.querySelector(HOST_TAG) as HTMLElement | null;
const shadow = () => hostEl()!.shadowRoot!;
const dialog = () => shadow().querySelector('[role="dialog"]') as HTMLElement | null;
const heading = () => shadow().querySelector('h2')!.textContent;
const mention = (id: number) => index.mentions.find((m) => m.id === id)!;

describe('card controller', () => {
  it('adds nothing to the page until a card opens, then a factlens- host with a styled shadow root', () => {
    expect(hostEl()).toBeNull();
    controller.show(mention(1), { fromKeyboard: false });
    expect(hostEl()).not.toBeNull();
    expect(hostEl()!.localName.startsWith('factlens-')).toBe(true);
    expect(shadow().adoptedStyleSheets.length + shadow().querySelectorAll('style').length).toBeGreaterThan(0);
    // The rules of components/card/card.css, e.g. the host's own position.
    const rules = shadow().adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText));
    expect(rules.some((r) => r.startsWith(':host') && r.includes('position: fixed'))).toBe(true);
    expect(heading()).toBe('Wagner group');
    expect(dialog()!.getAttribute('aria-labelledby')).toBe(shadow().querySelector('h2')!.id);
  });

  it('closes with Escape and leaves focus where it was when opened by pointer', () => {
    button.focus();
    controller.show(mention(1), { fromKeyboard: false });
    expect(document.activeElement).toBe(button);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(dialog()).toBeNull();
    expect(openMentionId()).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('moves focus into the card when opened from the keyboard and gives it back on close', () => {
    button.focus();
    controller.show(mention(1), { fromKeyboard: true });
    expect(document.activeElement).toBe(hostEl());
    expect(shadow().activeElement).toBe(dialog());
    (shadow().querySelector('button[aria-label="Close"]') as HTMLButtonElement).click();
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('closes on a click elsewhere, unless pinned', () => {
    controller.show(mention(1), { fromKeyboard: false });
    (shadow().querySelector('button[aria-label="Keep this card open"]') as HTMLButtonElement).click();
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 500, clientY: 500 }));
    expect(dialog()).not.toBeNull();
    (shadow().querySelector('button[aria-label="Keep this card open"]') as HTMLButtonElement).click();
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 500, clientY: 500 }));
    expect(dialog()).toBeNull();
  });

  it('a click inside the card does not close it', () => {
    controller.show(mention(1), { fromKeyboard: false });
    (shadow().querySelector('.disclosure') as HTMLButtonElement).click();
    expect(dialog()).not.toBeNull();
  });

  it('opens at once on a click over a mention (hit-test)', () => {
    index.at = (x, y) => (x === 45 && y === 85 ? mention(2) : null);
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 45, clientY: 85 }));
    expect(openMentionId()).toBe(2);
    expect(shadow().textContent).toContain('2 of 2');
  });

  it('opens after the hover delay and closes after the pointer leaves mention and card', async () => {
    vi.useFakeTimers();
    try {
      index.at = (x) => (x < 100 ? mention(3) : null);
      const move = (x: number) => document.body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: x, clientY: 120, pointerType: 'mouse' }));
      move(50);
      await vi.advanceTimersByTimeAsync(50);
      expect(hostEl()).toBeNull();
      await vi.advanceTimersByTimeAsync(settings.hoverDelayMs);
      expect(openMentionId()).toBe(3);
      move(600);
      await vi.advanceTimersByTimeAsync(600);
      expect(openMentionId()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens nothing on hover when the card is set to open on click', async () => {
    vi.useFakeTimers();
    try {
      controller.updateSettings({ ...settings, cardTrigger: 'click' });
      index.at = () => mention(3);
      document.body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: 50, clientY: 120, pointerType: 'mouse' }));
      await vi.advanceTimersByTimeAsync(1000);
      expect(hostEl()).toBeNull();
      document.body.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 50, clientY: 120 }));
      expect(openMentionId()).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('steps to the next and previous mention of the actor', () => {
    controller.show(mention(1), { fromKeyboard: false });
    expect(shadow().textContent).toContain('1 of 2');
    (shadow().querySelector('button[aria-label="Next mention"]') as HTMLButtonElement).click();
    expect(openMentionId()).toBe(2);
    expect(shadow().textContent).toContain('2 of 2');
    (shadow().querySelector('button[aria-label="Next mention"]') as HTMLButtonElement).click();
    expect(openMentionId()).toBe(1);
  });

  it('asks for the fact-base page through the callback', () => {
    controller.show(mention(3), { fromKeyboard: false });
    const link = [...shadow().querySelectorAll('button')].find((b) => b.textContent === 'All actors and facts')!;
    link.click();
    expect(openFactbase).toHaveBeenCalledWith('haftar');
  });

  it('closes when the scanner drops the mention', () => {
    controller.show(mention(1), { fromKeyboard: false });
    index.mentions.splice(0, 1);
    index.emit();
    expect(dialog()).toBeNull();
  });

  it('follows its mention when the scanner re-reads the same text (a page adds a style), and closes when the text changed', () => {
    controller.show(mention(1), { fromKeyboard: false });
    expect(openMentionId()).toBe(1);
    // Same characters, new record: the card stays, on the new record, with the same view key.
    index.mentions.splice(0, 1, fakeMention(7, 'wagner-group', document.getElementById('a')!));
    index.emit();
    expect(dialog()).not.toBeNull();
    expect(heading()).toBe('Wagner group');
    expect(openMentionId()).toBe(1);
    // Another actor over those characters is not the same mention.
    index.mentions.splice(0, 1, fakeMention(8, 'haftar', document.getElementById('a')!));
    index.emit();
    expect(dialog()).toBeNull();
  });

  it('closes when the mention scrolls out of view', async () => {
    controller.show(mention(1), { fromKeyboard: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(dialog()).not.toBeNull();
    scrolledBy = 2000;
    window.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 20));
    expect(dialog()).toBeNull();
  });

  it('follows the theme setting, "auto" drawn as the reader\'s scheme', () => {
    controller.show(mention(1), { fromKeyboard: false });
    const root = shadow().querySelector('.root') as HTMLElement;
    const dark = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
    expect(root.dataset.theme).toBe(dark ? 'dark' : 'light');
    controller.updateSettings({ ...settings, theme: 'dark' });
    expect(root.dataset.theme).toBe('dark');
  });

  it('removes the host and its listeners when turned off', () => {
    controller.show(mention(1), { fromKeyboard: false });
    controller.destroy();
    expect(hostEl()).toBeNull();
    controller.show(mention(1), { fromKeyboard: false });
    expect(hostEl()).toBeNull();
  });
});

describe('card controller with a view loaded on first use', () => {
  it('opens the card asked for once the view arrives, loads it once, and a close meanwhile cancels it', async () => {
    controller.destroy();
    let resolve!: (create: typeof createCardView) => void;
    const loadView = vi.fn(() => new Promise<typeof createCardView>((r) => (resolve = r)));
    const lazy = createCardController({ index, lookup: createActorLookup(FACT_BASE), settings, openFactbase, loadView });
    try {
      lazy.show(mention(3), { fromKeyboard: false });
      lazy.show(mention(1), { fromKeyboard: false });
      expect(hostEl()).toBeNull();
      expect(loadView).toHaveBeenCalledTimes(1);
      resolve(createCardView);
      await Promise.resolve();
      await Promise.resolve();
      expect(heading()).toBe('Wagner group');
      lazy.close();
      expect(dialog()).toBeNull();
    } finally {
      lazy.destroy();
    }
    const later = createCardController({ index, lookup: createActorLookup(FACT_BASE), settings, openFactbase, loadView: () => Promise.resolve(recordingView) });
    try {
      later.show(mention(3), { fromKeyboard: false });
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      // Escape came before the view: no host was ever added.
      expect(hostEl()).toBeNull();
      expect(openMentionId()).toBeNull();
    } finally {
      later.destroy();
    }
  });
});
