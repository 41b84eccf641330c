// Issue 11's flow with the built extension in Chromium: a real news page (the shared fixtures) → "Make a fact
// pack from this article" in the popup → the draft page → remove one actor, merge two → save → another page
// that names one of the pack's actors is marked, and its card quotes the first article and names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { validatePack } from '../../utils/factbase/pack';
import { hasSharedPage, launchChromium, PROJECT_PAGES, serveFixtures, SHARED_PAGES, waitForMarks, type ExtensionBrowser, type FixtureServer } from './harness';

const OTHER_PAGE =
  '<!doctype html><html lang="en"><title>Elsewhere</title><body><article><h1>Elsewhere</h1>' +
  '<p>In a speech on Tuesday, Benjamin Netanyahu spoke about the elections again. Netanyahu said little that was new.</p>' +
  '</article></body></html>';

describe('a fact pack from a news page (Chromium)', () => {
  let ext: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    ext = await launchChromium();
    server = await serveFixtures({ '/other.html': OTHER_PAGE, '/short.html': '<!doctype html><title>s</title><p>Too short to be an article.</p>' }, [SHARED_PAGES, PROJECT_PAGES]);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('says so on a page that is not an article, and opens no draft', async () => {
    const page = await ext.page();
    await page.goto(server.url('/short.html'));
    const popup = await ext.openPopup(await ext.tabIdOf(page));
    await popup.click('[data-testid="make-pack"]');
    await expect.poll(() => popup.textContent('[data-testid="make-pack-problem"]').catch(() => '')).toMatch(/does not look like an article|too short/);
    expect(ext.context.pages().some((p) => p.url().includes('/draft.html'))).toBe(false);
    await popup.close();
    await page.close();
  });

  it.skipIf(!hasSharedPage('wapo-2.html'))('makes, edits and saves a pack; another page shows its actor with a card quoting the article', async () => {
    const article = await ext.page();
    await article.goto(server.url('/wapo-2.html'));
    const tabId = await ext.tabIdOf(article);
    const popup = await ext.openPopup(tabId);
    const draftOpened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/draft.html'), timeout: 20_000 });
    await popup.click('[data-testid="make-pack"]');
    const draft: Page = await draftOpened;
    await draft.waitForSelector('[data-actor-id]', { timeout: 20_000 });
    expect(await draft.textContent('.dr-article-title')).toContain('Netanyahu');

    const ids = await draft.$$eval('[data-actor-id]', (els) => els.map((e) => e.getAttribute('data-actor-id')!));
    expect(ids).toContain('benjamin-netanyahu');
    const others = ids.filter((id) => id !== 'benjamin-netanyahu');
    const [removed, gone, keep] = [others.at(-1)!, others.at(-2)!, others.at(-3)!];
    const goneAliases = await draft.$$eval(`[data-actor-id="${gone}"] .dr-alias-text`, (els) => els.map((e) => e.textContent));

    await draft.click(`[data-actor-id="${removed}"] [data-testid="remove-actor"]`);
    await draft.selectOption(`[data-actor-id="${gone}"] [data-testid="merge-target"]`, keep);
    await draft.click(`[data-actor-id="${gone}"] [data-testid="merge"]`);
    const after = await draft.$$eval('[data-actor-id]', (els) => els.map((e) => e.getAttribute('data-actor-id')!));
    expect(after).toHaveLength(ids.length - 2);
    expect(after).not.toContain(removed);
    expect(after).not.toContain(gone);
    const keptAliases = await draft.$$eval(`[data-actor-id="${keep}"] .dr-alias-text`, (els) => els.map((e) => e.textContent));
    expect(keptAliases).toEqual(expect.arrayContaining(goneAliases));

    // A tab already open on another page: it must get the new pack's marks without a reload.
    const other = await ext.page();
    await other.goto(server.url('/other.html'));
    const otherTab = await ext.tabIdOf(other);
    expect(await other.evaluate(() => [...(CSS.highlights as unknown as Map<string, { size: number }>)].reduce((n, [k, h]) => n + (k.startsWith('factlens') ? h.size : 0), 0))).toBe(0);

    await draft.click('[data-testid="save-pack"]');
    await draft.waitForFunction(() => /Saved and turned on/.test(document.querySelector('[data-testid="save-status"]')?.textContent ?? ''), null, { timeout: 10_000 });

    const stored = (await ext.serviceWorker.evaluate(() => chrome.storage.local.get('packs'))) as {
      packs: { packs: { factBase: { source: { title: string; url?: string }; actors: { id: string }[] } }[] };
    };
    const saved = stored.packs.packs.at(-1)!.factBase;
    expect(saved.source.url).toBe(server.url('/wapo-2.html'));
    expect(saved.actors.map((a) => a.id)).toEqual(after);

    await waitForMarks(other, 1);
    const shown = await ext.serviceWorker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'show-mention', actorId: 'benjamin-netanyahu', index: 0 }, { frameId: 0 }),
      otherTab,
    );
    expect(shown).toEqual({ ok: true });
    await other.waitForFunction(() => !!document.querySelector('factlens-card')?.shadowRoot?.querySelector('.fact-list'), null, { timeout: 10_000 });
    const card = await other.evaluate(() => document.querySelector('factlens-card')!.shadowRoot!.textContent ?? '');
    expect(card).toContain('Benjamin Netanyahu');
    expect(card).toContain(saved.source.title);
    const quote = (saved as unknown as { actors: { id: string; facts: { quote: string }[] }[] }).actors.find((a) => a.id === 'benjamin-netanyahu')!.facts[0]!.quote;
    const cardFacts = await other.evaluate(() => document.querySelector('factlens-card')!.shadowRoot!.querySelector('.fact-list')!.textContent ?? '');
    expect(cardFacts.replace(/\s+/g, ' ')).toContain(quote.replace(/\s+/g, ' ').slice(0, 60));
  });

  it('the built-in pack can be turned off (its own actors go from the page) and on again, and exported as a file', async () => {
    const page = await ext.page();
    await page.goto(server.url('/article.html'));
    await waitForMarks(page, 5);
    const fb = await ext.extensionPage('factbase.html');
    const builtIn = '[data-pack-id="idlib-2019"]';
    await fb.waitForSelector(builtIn);
    expect(await fb.$(`${builtIn} button[aria-label^="Remove"]`)).toBeNull();

    const download = fb.waitForEvent('download');
    await fb.click(`${builtIn} [data-testid="pack-export"]`);
    const file = await (await download).path();
    const exported = validatePack(JSON.parse(await readFile(file, 'utf8')));
    expect(exported.ok && exported.factBase.source.id).toBe('idlib-2019');

    // The pack saved above (wapo-2) knows some of the same states, so their marks stay: Wagner is the
    // built-in pack's alone.
    const tabId = await ext.tabIdOf(page);
    const actorsShown = async () =>
      ((await ext.serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'get-page-actors' }, { frameId: 0 }), tabId)) as { actors: { actorId: string }[] }).actors.map((a) => a.actorId);
    expect(await actorsShown()).toContain('wagner-group');
    await fb.click(`${builtIn} [data-testid="pack-enabled"]`);
    await expect.poll(actorsShown, { timeout: 5_000 }).not.toContain('wagner-group');
    await fb.click(`${builtIn} [data-testid="pack-enabled"]`);
    await expect.poll(actorsShown, { timeout: 5_000 }).toContain('wagner-group');
    await fb.close();
    await page.close();
  });
});

declare const chrome: {
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
  tabs: { sendMessage(id: number, m: object, o: object): Promise<unknown> };
};
