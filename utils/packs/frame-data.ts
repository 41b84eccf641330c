// What a frame reads from storage, read ONCE per frame: the settings and the compiled packs in one
// storage.local.get, shared by the page's lifecycle and the card (each used to read settings and packs on
// its own: three or four reads a frame, each pack validated with zod again). Changes arrive with their new
// values in storage.onChanged, so a change costs no read either.
import { browser } from 'wxt/browser';
import { FACT_BASES } from '../factbase/generated';
import { basesInForce } from '../factbase/registry';
import type { CompiledFactBase } from '../factbase/types';
import { readSettings, type LoadedSettings } from '../settings/read';
import { SETTINGS_KEY } from '../settings/storage';
import { COMPILED_PACKS_KEY, readCompiledPacks, type CompiledPack } from './compiled';

export interface FrameData {
  /** The settings as stored when the frame started (later changes: watchSettings). */
  settings(): Promise<LoadedSettings>;
  /** The fact bases in force: built-in first, then the packs that are on. The same array until a change. */
  factBases(): Promise<CompiledFactBase[]>;
  /** Calls back when the packs, or which are off, change. Returns unsubscribe. */
  watchFactBases(onChange: () => void): () => void;
}

type Get = (keys: string[]) => Promise<Record<string, unknown>>;
type OnChanged = typeof browser.storage.onChanged;

export function createFrameData(
  get: Get = (keys) => browser.storage.local.get(keys),
  onChanged: OnChanged = browser.storage.onChanged,
): FrameData {
  let packs: CompiledPack[] = [];
  let disabled: string[] = [];
  let bases: CompiledFactBase[] | null = null;
  let first: Promise<LoadedSettings> | null = null;

  const load = () =>
    (first ??= get([SETTINGS_KEY, COMPILED_PACKS_KEY]).then(
      (raw) => {
        const loaded = readSettings(raw[SETTINGS_KEY]);
        packs = readCompiledPacks(raw[COMPILED_PACKS_KEY]);
        disabled = loaded.settings.disabledPacks;
        return loaded;
      },
      () => readSettings(undefined),
    ));

  const factBases = async () => {
    await load();
    return (bases ??= basesInForce(
      FACT_BASES,
      packs.map((p) => p.factBase),
      new Set(disabled),
    ));
  };

  return {
    settings: () => load().then((loaded) => ({ ...loaded, settings: structuredClone(loaded.settings) })),
    factBases,
    watchFactBases(onChange) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area !== 'local') return;
        void load().then(() => {
          let changed = false;
          if (COMPILED_PACKS_KEY in changes) {
            packs = readCompiledPacks(changes[COMPILED_PACKS_KEY]!.newValue);
            changed = true;
          }
          if (SETTINGS_KEY in changes) {
            const next = readSettings(changes[SETTINGS_KEY]!.newValue).settings.disabledPacks;
            // Settings change often (colours, switches); only a change of which packs are off is news here.
            if (next.join('\n') !== disabled.join('\n')) changed = true;
            disabled = next;
          }
          if (!changed) return;
          bases = null;
          onChange();
        });
      };
      onChanged.addListener(listener);
      return () => onChanged.removeListener(listener);
    },
  };
}
