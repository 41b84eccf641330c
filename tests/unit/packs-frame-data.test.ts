// The compiled packs record (written by the background, read by every frame without zod) and the frame's
// one storage read. WXT's fake browser stands in for the extension storage API.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));
// Counted, to see a settings change parsed once per frame.
vi.mock('../../utils/settings/read', async (original) => {
  const real = await original<typeof import('../../utils/settings/read')>();
  return { ...real, readSettings: vi.fn(real.readSettings) };
});

const packs = await import('../../utils/packs/storage');
const { syncCompiledPacks } = await import('../../utils/background/packs-sync');
const { COMPILED_PACKS_KEY, droppedPacks, frameRecord, readFrameRecord } = await import('../../utils/packs/compiled');
const { factbasePageData } = await import('../../utils/factbase-page/model');
const { BUILT_IN_STAMP } = await import('../../utils/factbase/generated/match');
const { leanFactBase } = await import('../../utils/factbase/lean');
const readIds = (raw: unknown) => readFrameRecord(raw, BUILT_IN_STAMP).packs.map((p) => p.source.id);
const { createFrameData } = await import('../../utils/packs/frame-data');
const { saveSettings } = await import('../../utils/settings/storage');
const { DEFAULT_SETTINGS } = await import('../../utils/settings/schema');
const { FACT_BASES } = await import('../../utils/factbase/generated');

/** A sound pack: the built-in base under another id. */
function pack(id: string) {
  const base = structuredClone(FACT_BASES[0]!);
  return { ...base, source: { ...base.source, id } };
}

const builtInIds = FACT_BASES.map((b) => b.source.id);
const idsOf = (bases: { source: { id: string } }[]) => bases.map((b) => b.source.id);

describe('the compiled packs record', () => {
  beforeEach(() => fakeBrowser.reset());


  it('holds the stored packs that pass validation, and only those', async () => {
    await packs.importPack(pack('atlantis'));
    const good = (await packs.packsItem.getValue()) as { version: 1; packs: unknown[] };
    // A second entry that fails validation (no actors) is written behind the import's back.
    await packs.packsItem.setValue({ version: 1, packs: [...good.packs, { importedAt: 'x', factBase: { formatVersion: 1 } }] });
    await syncCompiledPacks();
    const stored = (await fakeBrowser.storage.local.get(COMPILED_PACKS_KEY))[COMPILED_PACKS_KEY];
    expect(readIds(stored)).toEqual(['atlantis']);
  });

  it('is not rewritten when it already says the same (frames would recompile for nothing)', async () => {
    await packs.importPack(pack('atlantis'));
    await syncCompiledPacks();
    const heard = vi.fn();
    fakeBrowser.storage.onChanged.addListener(heard);
    await syncCompiledPacks();
    expect(heard).not.toHaveBeenCalled();
  });

  it('when storage cannot hold it with the packs, says which it left out, and the fact-base page flags those that are on', async () => {
    await packs.importPack(pack('atlantis'));
    await packs.importPack(pack('mu'));
    await saveSettings({ ...DEFAULT_SETTINGS, disabledPacks: ['mu'] });
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    // The browser refuses a record that holds the packs (as storage.local does past its 10 MB).
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      const rec = items[COMPILED_PACKS_KEY] as { body?: string } | undefined;
      if (rec?.body && readIds(rec).length > 0) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    try {
      await syncCompiledPacks();
    } finally {
      spy.mockRestore();
    }
    const stored = (await fakeBrowser.storage.local.get(COMPILED_PACKS_KEY))[COMPILED_PACKS_KEY];
    expect(readIds(stored)).toEqual([]);
    expect(droppedPacks(stored)).toEqual(['atlantis', 'mu']);
    expect(await packs.loadDroppedPacks()).toEqual(['atlantis', 'mu']);
    const { packs: imported } = await packs.loadImportedPacks();
    const entries = factbasePageData(FACT_BASES, imported, ['mu'], [], droppedPacks(stored)).packs;
    expect(entries.filter((e) => e.notOnPages).map((e) => e.id)).toEqual(['atlantis']); // 'mu' is off anyway
    // Room again: the next record holds the packs and leaves nothing out.
    await syncCompiledPacks();
    expect(await packs.loadDroppedPacks()).toEqual([]);
    for (const raw of [undefined, 3, { version: 2, body: '{' }, { version: 2, body: JSON.stringify({ dropped: [1, 'x'] }) }]) {
      expect(droppedPacks(raw)).toEqual(raw && typeof raw === 'object' && raw.body !== '{' ? ['x'] : []);
    }
  });

  it('reads a record of any other shape as no packs, and an entry of another shape costs the ready matcher', () => {
    const body = (x: unknown) => ({ version: 2, body: JSON.stringify(x) });
    for (const raw of [undefined, null, 3, 'x', [], { version: 1, packs: [] }, { version: 2, body: '{' }, { version: 2, body: 3 }, body([]), body({ packs: 3 })]) {
      expect(readFrameRecord(raw, BUILT_IN_STAMP)).toEqual({ packs: [], ready: null });
    }
    const sound = frameRecord(BUILT_IN_STAMP, [leanFactBase(pack('atlantis'))], { ids: ['idlib-2019', 'atlantis'], matcher: { v: 1 } as never });
    expect(readIds(sound)).toEqual(['atlantis']);
    expect(readFrameRecord(sound, BUILT_IN_STAMP).ready?.ids).toEqual(['idlib-2019', 'atlantis']);
    // Made with another build's built-in bases: the packs are read, the matcher is not used.
    expect(readFrameRecord(sound, 'another-build').ready).toBeNull();
    const parsed = JSON.parse(sound.body) as { packs: unknown[] };
    const broken = { ...sound, body: JSON.stringify({ ...parsed, packs: [...parsed.packs, { source: { id: 'b', title: 't' }, actors: [['b', 'B', 'person', ['B'], 'zz', [], [], [], 0]] }, null] }) };
    expect(readIds(broken)).toEqual(['atlantis']);
    expect(readFrameRecord(broken, BUILT_IN_STAMP).ready).toBeNull();
  });
});

describe("a frame's storage", () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads settings and packs in one storage.local.get, however often both are asked for', async () => {
    await packs.importPack(pack('atlantis'));
    await syncCompiledPacks();
    await saveSettings({ ...DEFAULT_SETTINGS, hoverDelayMs: 500 });
    const get = vi.fn((keys: readonly string[]) => fakeBrowser.storage.local.get([...keys]));
    const frame = createFrameData(get);
    const [loaded, bases, again] = await Promise.all([frame.settings(), frame.factBases(), frame.factBases()]);
    expect(get).toHaveBeenCalledTimes(1);
    expect(loaded.settings.hoverDelayMs).toBe(500);
    expect(idsOf(bases)).toEqual([...builtInIds, 'atlantis']);
    expect(again).toBe(bases);
  });

  it('leaves out packs that are turned off, and hears packs and switches change without reading again', async () => {
    await packs.importPack(pack('atlantis'));
    await syncCompiledPacks();
    const get = vi.fn((keys: readonly string[]) => fakeBrowser.storage.local.get([...keys]));
    const frame = createFrameData(get);
    const changed = vi.fn();
    frame.watch({ factBases: changed });
    expect(idsOf(await frame.factBases())).toEqual([...builtInIds, 'atlantis']);

    await packs.setPackEnabled('atlantis', false);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    expect(idsOf(await frame.factBases())).toEqual(builtInIds);

    await saveSettings({ ...DEFAULT_SETTINGS, disabledPacks: ['atlantis'], hoverDelayMs: 900 });
    await packs.importPack(pack('lemuria'));
    await syncCompiledPacks();
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(2)); // the colour-only change was not news
    expect(idsOf(await frame.factBases())).toEqual([...builtInIds, 'lemuria']);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('hears a settings change with one storage listener, read once, for the settings and the bases alike', async () => {
    await packs.importPack(pack('atlantis'));
    await syncCompiledPacks();
    const frame = createFrameData();
    await frame.factBases();
    const heard: number[] = [];
    const basesChanged = vi.fn();
    const added = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    const stop = frame.watch({ settings: ({ settings }) => heard.push(settings.hoverDelayMs), factBases: basesChanged });
    expect(added).toHaveBeenCalledTimes(1);

    const reads = vi.mocked((await import('../../utils/settings/read')).readSettings);
    reads.mockClear();
    await saveSettings({ ...DEFAULT_SETTINGS, hoverDelayMs: 700, disabledPacks: ['atlantis'] });
    await vi.waitFor(() => expect(basesChanged).toHaveBeenCalledTimes(1));
    expect(heard).toEqual([700]);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(idsOf(await frame.factBases())).toEqual(builtInIds);

    // The same record again is no change; after stop, nothing is heard.
    const record = (await fakeBrowser.storage.local.get('settings'))['settings'];
    await fakeBrowser.storage.local.set({ settings: structuredClone(record) });
    stop();
    await saveSettings({ ...DEFAULT_SETTINGS, hoverDelayMs: 800 });
    await new Promise((r) => setTimeout(r, 10));
    expect(heard).toEqual([700]);
    expect(basesChanged).toHaveBeenCalledTimes(1);
  });

  it('falls back to the defaults and the built-in bases when storage cannot be read', async () => {
    const frame = createFrameData(() => Promise.reject(new Error('gone')));
    expect((await frame.settings()).settings).toEqual(DEFAULT_SETTINGS);
    expect(idsOf(await frame.factBases())).toEqual(builtInIds);
  });
});
