// @vitest-environment happy-dom
// The content script's wiring: the page's lifecycle (scan, paint, on/off from settings) and the top frame's
// message API (badge count, show/step through mentions with one cursor, export rows), over a real page
// and the real engine; the extension's browser APIs are WXT's fake browser.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExtensionContext } from '../../utils/page/extension-context';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

import { startContentApp, type ContentApp } from '../../utils/page/content-app';
import type { PageActors } from '../../utils/messages';
import type { MentionIndex, PageMention } from '../../utils/page/types';
import { saveSettings } from '../../utils/settings/storage';
import { DEFAULT_SETTINGS } from '../../utils/settings/schema';
import { FACT_BASE } from '../fixtures/components/card-data';

function fakeContext() {
  const invalidated: (() => void)[] = [];
  const ctx: ExtensionContext = {
    valid: true,
    onInvalidated: (cb) => {
      invalidated.push(cb);
      return () => {};
    },
    use: (call) => call(),
    onTick: () => () => {},
    onLocationChange: () => () => {},
    invalidate: () => invalidated.forEach((cb) => cb()),
  };
  return { ctx, invalidate: () => invalidated.forEach((cb) => cb()) };
}

const ask = async (message: unknown) => (await fakeBrowser.runtime.onMessage.trigger(message, {}, () => {})).find((r) => r !== undefined);
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

let app: ContentApp | undefined;
let sent: unknown[];
let shown: { mention: PageMention; fromKeyboard: boolean }[];
let indexes: (MentionIndex | null)[];
let scrolled: string[];

beforeEach(async () => {
  fakeBrowser.reset();
  sent = [];
  shown = [];
  indexes = [];
  scrolled = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    sent.push(message);
    return undefined;
  });
  document.body.innerHTML =
    // Three actors of the story: the page is about it (a page naming two in passing is not marked, issue 12).
    '<p id="p1">Russia said Khalifa Haftar would talk.</p><p id="p2">Later Russia spoke again.</p><p id="p3">Libya agreed.</p>';
  for (const p of document.querySelectorAll('p'))
    (p as HTMLElement).scrollIntoView = () => void scrolled.push(p.id);
});

afterEach(() => {
  app?.stop();
  app = undefined;
  vi.restoreAllMocks();
});

async function start() {
  const { ctx, invalidate } = fakeContext();
  app = await startContentApp(ctx, {
    factBases: async () => [FACT_BASE],
    onIndex: (index) => indexes.push(index),
    onShowMention: (mention, how) => shown.push({ mention, fromKeyboard: how.fromKeyboard }),
  });
  await until(() => (app!.index()?.all().length ?? 0) === 4);
  return invalidate;
}

describe('content script wiring', () => {
  it('scans, paints and tells the background how many actors are shown', async () => {
    await start();
    await until(() => sent.length > 0);
    expect(sent.at(-1)).toEqual({ type: 'page-actors-changed', distinctActors: 3, mentions: 4 });
    const answer = (await ask({ type: 'get-page-actors' })) as PageActors;
    // The page's decision: about the story (three of its actors), nothing found left unmarked.
    expect(answer.bases?.map((b) => [b.about, b.unmarkedActors])).toEqual([[true, []]]);
    expect(answer.unmarked).toBe(0);
    expect(answer).toEqual({
      bases: answer.bases,
      unmarked: 0,
      url: location.href,
      active: true,
      actors: [
        { actorId: 'russia', count: 2 },
        { actorId: 'haftar', count: 1 },
        { actorId: 'libya', count: 1 },
      ],
    });
    // happy-dom has no CSS highlights: the wrap fallback paints, with the page's text unchanged.
    expect(document.querySelectorAll('factlens-mark').length).toBe(4);
    expect(document.body.textContent).toBe('Russia said Khalifa Haftar would talk.Later Russia spoke again.Libya agreed.');
  });

  it('listens from the start: a question asked before the page is ready is answered once it is', async () => {
    const { ctx } = fakeContext();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const starting = startContentApp(ctx, {
      // The fact bases come late (a slow storage read): the page is not ready yet.
      factBases: async () => {
        await held;
        return [FACT_BASE];
      },
    });
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
    const early = ask({ type: 'get-page-actors' });
    release();
    app = await starting;
    const answer = (await early) as PageActors;
    // Answered after the page's lifecycle began (active), not refused for want of a receiving end.
    expect(answer.active).toBe(true);
    expect(answer.url).toBe(location.href);
  });

  it('steps through every mention with one cursor, which show-mention moves', async () => {
    await start();
    const ids = () => shown.map((s) => `${s.mention.actorId}:${s.mention.blockStart}`);
    expect(await ask({ type: 'step-mention', direction: 'next' })).toEqual({ ok: true });
    expect(await ask({ type: 'step-mention', direction: 'next' })).toEqual({ ok: true });
    expect(ids()).toEqual(['russia:0', 'haftar:12']);
    expect(shown.every((s) => s.fromKeyboard)).toBe(true);
    // The popup shows Russia's second mention: the next step goes on from there, wrapping to the first.
    expect(await ask({ type: 'show-mention', actorId: 'russia', index: 1 })).toEqual({ ok: true });
    expect(shown.at(-1)!.fromKeyboard).toBe(false);
    await ask({ type: 'step-mention', direction: 'next' });
    expect(ids().slice(2)).toEqual(['russia:6', 'libya:0']);
    await ask({ type: 'step-mention', direction: 'previous' });
    expect(ids().at(-1)).toBe('russia:6');
    expect(scrolled).toEqual(['p1', 'p1', 'p2', 'p3', 'p2']);
    expect(await ask({ type: 'show-mention', actorId: 'russia', index: 5 })).toEqual({ ok: false });
  });

  it('gives export rows named by the fact base', async () => {
    await start();
    const rows = (await ask({ type: 'get-mentions' })) as { actor: string; surface: string }[];
    expect(rows.map((r) => [r.actor, r.surface])).toEqual([
      ['Russia', 'Russia'],
      ['Khalifa Haftar', 'Khalifa Haftar'],
      ['Russia', 'Russia'],
      ['Libya', 'Libya'],
    ]);
  });

  it('reveals a mention named by its row (the side panel), by offsets or, when they moved, by its words', async () => {
    await start();
    const rows = (await ask({ type: 'get-mentions' })) as { actorId: string; start: number; end: number; selector: { exact: string } }[];
    // The page's last mention (Libya, in the third paragraph).
    expect(rows).toHaveLength(4);
    const last = rows.at(-1)!;
    expect(await ask({ type: 'reveal-mention', actorId: last.actorId, start: last.start, end: last.end })).toEqual({ ok: true });
    // The next step goes on from the revealed mention: the last one, so it wraps to the first.
    shown.length = 0;
    await ask({ type: 'step-mention', direction: 'next' });
    expect(shown[0]?.mention.surface).toBe('Russia');
    expect(shown[0]?.mention.blockStart).toBe(0);
    expect(await ask({ type: 'reveal-mention', actorId: last.actorId, start: last.start + 5, end: last.end + 5, exact: last.selector.exact })).toEqual({ ok: true });
    expect(await ask({ type: 'reveal-mention', actorId: last.actorId, start: last.start + 5, end: last.end + 5, exact: 'Moscow' })).toEqual({ ok: false });
    expect(await ask({ type: 'reveal-mention', actorId: 'iran', start: last.start, end: last.end })).toEqual({ ok: false });
  });

  it('stops when turned off and starts again when turned on, the cursor starting afresh', async () => {
    await start();
    await ask({ type: 'step-mention', direction: 'next' });
    await ask({ type: 'step-mention', direction: 'next' });
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    await until(() => indexes.at(-1) === null);
    expect(document.querySelectorAll('factlens-mark').length).toBe(0);
    // Counts go to the background at most every 200 ms while they change: the last one says none.
    await until(() => (sent.at(-1) as { mentions?: number } | undefined)?.mentions === 0);
    expect(sent.at(-1)).toEqual({ type: 'page-actors-changed', distinctActors: 0, mentions: 0 });
    expect(await ask({ type: 'get-page-actors' })).toMatchObject({ active: false, actors: [] });
    expect(await ask({ type: 'step-mention', direction: 'next' })).toEqual({ ok: false });
    await saveSettings({ ...DEFAULT_SETTINGS });
    await until(() => (app!.index()?.all().length ?? 0) === 4);
    await ask({ type: 'step-mention', direction: 'next' });
    expect(shown.at(-1)!.mention.blockStart).toBe(0);
  });

  it("hears settings through the frame's one storage listener when it is given one", async () => {
    const { createFrameData } = await import('../../utils/packs/frame-data');
    const frame = createFrameData();
    const added = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    const { ctx } = fakeContext();
    app = await startContentApp(ctx, { factBases: async () => [FACT_BASE], loadSettings: frame.settings, watch: frame.watch });
    await until(() => (app!.index()?.all().length ?? 0) === 4);
    expect(added).toHaveBeenCalledTimes(1);
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    await until(() => app!.index() === null);
    app.stop();
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
  });

  it('leaves no mark and no listener once the script is invalidated', async () => {
    const invalidate = await start();
    invalidate();
    expect(document.querySelectorAll('factlens-mark').length).toBe(0);
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
    expect(indexes.at(-1)).toBeNull();
  });
});
