// Imported fact packs in storage (WXT's fake browser stands in for the extension storage API).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const packs = await import('../../utils/packs/storage');
const { loadSettings } = await import('../../utils/settings/storage');
const { FACT_BASES } = await import('../../utils/factbase/generated');

function pack(id: string, extra: Record<string, unknown> = {}) {
  return {
    formatVersion: 1,
    source: { id, title: `Pack ${id}`, period: '2030', file: `${id}.txt`, note: 'test', ...extra },
    actors: [
      {
        id: `${id}-council`,
        name: `Council of ${id}`,
        kind: 'organisation',
        identity: 'A council',
        identityQuote: 'the council met',
        aliases: [{ text: `Council of ${id}`, caseRule: 'proper', ambiguous: false, surname: false }],
        cues: { support: [], contrary: [] },
        givenNames: [],
        facts: [{ id: `${id}-council/0`, text: 'It met.', quote: 'the council met', actors: [`${id}-council`], figures: [] }],
        related: [],
      },
    ],
  };
}

describe('fact packs in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('imports a sound pack, lists it and loads it as enabled', async () => {
    const result = await packs.importPack(JSON.stringify(pack('atlantis')), new Date('2030-01-01T00:00:00Z'));
    expect(result.ok).toBe(true);
    const { packs: listed, unreadable } = await packs.loadImportedPacks();
    expect(listed.map((p) => [p.id, p.importedAt])).toEqual([['atlantis', '2030-01-01T00:00:00.000Z']]);
    expect(unreadable).toEqual([]);
    expect((await packs.loadEnabledPacks()).map((f) => f.source.id)).toEqual(['atlantis']);
  });

  it('refuses a faulty pack with the path of each fault and stores nothing', async () => {
    const bad = pack('atlantis') as Record<string, unknown>;
    (bad.actors as Record<string, unknown>[])[0]!.kind = 'robot';
    const result = await packs.importPack(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((e) => e.includes('.kind'))).toBe(true);
    expect(await fakeBrowser.storage.local.get(packs.PACKS_KEY)).toEqual({});
  });

  it('refuses a pack whose quotes are not in the article it carries', async () => {
    const result = await packs.importPack(pack('atlantis', { text: 'Nothing here says that.' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/quote/i);
    expect(await fakeBrowser.storage.local.get(packs.PACKS_KEY)).toEqual({});
  });

  it('refuses text that is not JSON, the built-in pack’s id, and a second pack with the same id', async () => {
    expect(await packs.importPack('{not json')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^\(file\): not JSON/)] });
    const builtIn = FACT_BASES[0]!.source.id;
    expect(await packs.importPack(pack(builtIn))).toMatchObject({ ok: false, errors: [expect.stringContaining('built-in')] });
    await packs.importPack(pack('atlantis'));
    expect(await packs.importPack(pack('atlantis'))).toMatchObject({ ok: false, errors: [expect.stringContaining('already imported')] });
    expect((await packs.loadImportedPacks()).packs).toHaveLength(1);
  });

  it('turns a pack off and on, removes it, and never removes the built-in pack', async () => {
    await packs.importPack(pack('atlantis'));
    await packs.importPack(pack('lemuria'));
    await packs.setPackEnabled('atlantis', false);
    expect((await loadSettings()).settings.disabledPacks).toEqual(['atlantis']);
    expect((await packs.loadEnabledPacks()).map((f) => f.source.id)).toEqual(['lemuria']);
    expect(await packs.removePack('atlantis')).toBe(true);
    expect((await loadSettings()).settings.disabledPacks).toEqual([]);
    expect(await packs.removePack(FACT_BASES[0]!.source.id)).toBe(false);
    expect((await packs.loadImportedPacks()).packs.map((p) => p.id)).toEqual(['lemuria']);
  });

  it('leaves out stored packs that no longer pass, without throwing', async () => {
    await fakeBrowser.storage.local.set({
      [packs.PACKS_KEY]: { version: 1, packs: [{ importedAt: 'x', factBase: { nope: 1 } }, 7, { importedAt: 'y', factBase: pack('ok') }] },
    });
    const { packs: listed, unreadable } = await packs.loadImportedPacks();
    expect(listed.map((p) => p.id)).toEqual(['ok']);
    expect(unreadable.some((u) => u.startsWith('packs[0].'))).toBe(true);
    expect(unreadable).toContain('packs[1]: not a stored pack');
    expect(packs.packsFromStored('garbage')).toEqual({ packs: [], unreadable: ['packs: not a list of packs'] });
  });

  it('tells a watcher when the enabled set changes', async () => {
    const seen: string[][] = [];
    const stop = packs.watchEnabledPacks((list) => seen.push(list.map((f) => f.source.id)));
    await packs.importPack(pack('atlantis'));
    await vi.waitFor(() => expect(seen).toEqual([['atlantis']]));
    await packs.setPackEnabled('atlantis', false);
    await vi.waitFor(() => expect(seen).toEqual([['atlantis'], []]));
    stop();
  });

  it('storage full: a clear error and nothing stored (the earlier packs are as they were)', async () => {
    await packs.importPack(pack('atlantis'));
    const before = await packs.packsItem.getValue();
    const spy = vi.spyOn(packs.packsItem, 'setValue').mockRejectedValueOnce(new Error('Resource::kQuotaBytes quota exceeded'));
    const result = await packs.saveDraftPack(pack('lemuria') as never);
    spy.mockRestore();
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([expect.stringMatching(/^\(storage\): nothing was saved: .*storage for Factlens is full/)]);
    expect(await packs.packsItem.getValue()).toEqual(before);
    expect((await packs.loadImportedPacks()).packs.map((p) => p.id)).toEqual(['atlantis']);
  });

  it('saves a reviewed draft and turns it on even if its id was off', async () => {
    await packs.setPackEnabled('lemuria', false);
    const result = await packs.saveDraftPack(pack('lemuria') as never);
    expect(result.ok).toBe(true);
    expect((await loadSettings()).settings.disabledPacks).not.toContain('lemuria');
    expect((await packs.loadBasesInForce()).map((b) => b.source.id)).toContain('lemuria');
  });

  it('a built-in pack can be turned off and on again, not removed', async () => {
    const builtIn = FACT_BASES[0]!.source.id;
    await packs.setPackEnabled(builtIn, false);
    expect((await packs.loadBasesInForce()).map((b) => b.source.id)).not.toContain(builtIn);
    expect(await packs.removePack(builtIn)).toBe(false);
    await packs.setPackEnabled(builtIn, true);
    expect((await packs.loadBasesInForce()).map((b) => b.source.id)).toContain(builtIn);
  });

  it('tells a watcher when a built-in pack is turned off', async () => {
    let calls = 0;
    const stop = packs.watchEnabledPacks(() => calls++);
    await new Promise((r) => setTimeout(r, 20));
    await packs.setPackEnabled(FACT_BASES[0]!.source.id, false);
    await vi.waitFor(() => expect(calls).toBe(1));
    stop();
  });
});
