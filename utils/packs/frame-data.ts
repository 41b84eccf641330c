// What a frame reads from storage, read ONCE per frame: the settings and the compiled packs in one
// storage.local.get, shared by the page's lifecycle and the card (each used to read settings and packs on
// its own: three or four reads a frame, each pack validated with zod again). Changes arrive with their new
// values in storage.onChanged, so a change costs no read either, and one listener hears them for the frame:
// a settings change is parsed once, for the page's lifecycle and for the packs that are off alike.
// The bases it gives are lean (no facts: utils/factbase/lean.ts), and each list comes with its matcher ready to
// hydrate (provideReadyMatcher): the built-in bases' from the build, packs' from the background's record when
// it was made for exactly the bases in force. Only when it was not (the record is late, or missing) does the
// page compile, in slices.
import { browser } from 'wxt/browser';
import { provideReadyMatcher } from '../engine/matcher';
import { matcherFromWireSteps, type MatcherWire } from '../engine/ready';
import { BUILT_IN_BASES, BUILT_IN_MATCHER, BUILT_IN_STAMP } from '../factbase/generated/match';
import { basesInForce } from '../factbase/registry';
import type { CompiledFactBase } from '../factbase/types';
import { readSettings, type LoadedSettings } from '../settings/read';
import { quietStop, settingsChange } from '../settings/watch';
import { COMPILED_PACKS_KEY, FRAME_KEYS, SETTINGS_KEY } from '../storage-keys';
import { readFrameRecord, type FrameRecordContents } from './compiled';

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** The bases in force, lean, with the ready matcher that fits them handed to the engine. */
export function frameBases(record: FrameRecordContents, disabled: readonly string[]): CompiledFactBase[] {
  const bases = basesInForce(BUILT_IN_BASES, record.packs, new Set(disabled));
  const ids = bases.map((b) => b.source.id);
  let wire: MatcherWire | null = null;
  if (record.ready && sameIds(record.ready.ids, ids)) wire = record.ready.matcher;
  else if (sameIds(ids, BUILT_IN_BASES.map((b) => b.source.id))) wire = BUILT_IN_MATCHER;
  if (wire) {
    const ready = wire;
    provideReadyMatcher(bases, () => matcherFromWireSteps(bases, ready));
  }
  return bases;
}

/** What a frame hears change in storage. */
export interface FrameChanges {
  /** New settings (not called for the same record written again). */
  settings(loaded: LoadedSettings): void;
  /** The packs, or which are off, changed: factBases() gives the new list. */
  factBases(): void;
}

export interface FrameData {
  /** The settings as stored when the frame started (later changes: watch). */
  settings(): Promise<LoadedSettings>;
  /** The fact bases in force: built-in first, then the packs that are on. The same array until a change. */
  factBases(): Promise<CompiledFactBase[]>;
  /** One storage listener for the frame: each change, read once, to whichever of `on` it concerns. */
  watch(on: Partial<FrameChanges>): () => void;
}

/** storage.local.get; the loader's read, begun while the app was still loading, stands in for the first call. */
export type FrameGet = (keys: readonly string[]) => Promise<Record<string, unknown>>;
type OnChanged = typeof browser.storage.onChanged;

export function createFrameData(
  get: FrameGet = (keys) => browser.storage.local.get([...keys]),
  onChanged: OnChanged = browser.storage.onChanged,
): FrameData {
  let record = readFrameRecord(undefined, BUILT_IN_STAMP);
  let disabled: string[] = [];
  let bases: CompiledFactBase[] | null = null;
  let first: Promise<LoadedSettings> | null = null;

  const load = () =>
    (first ??= get(FRAME_KEYS).then(
      (raw) => {
        const loaded = readSettings(raw[SETTINGS_KEY]);
        record = readFrameRecord(raw[COMPILED_PACKS_KEY], BUILT_IN_STAMP);
        disabled = loaded.settings.disabledPacks;
        return loaded;
      },
      () => readSettings(undefined),
    ));

  const factBases = async () => {
    await load();
    return (bases ??= frameBases(record, disabled));
  };

  return {
    settings: () => load().then((loaded) => ({ ...loaded, settings: structuredClone(loaded.settings) })),
    factBases,
    watch(on) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => {
        if (area !== 'local') return;
        const loaded = settingsChange(changes, area);
        const packsChanged = COMPILED_PACKS_KEY in changes;
        if (!loaded && !packsChanged) return;
        // After the first read, so a change heard while it is in flight is not overwritten by it.
        void load().then(() => {
          let basesChanged = false;
          if (packsChanged) {
            record = readFrameRecord(changes[COMPILED_PACKS_KEY]!.newValue, BUILT_IN_STAMP);
            basesChanged = true;
          }
          if (loaded) {
            const next = loaded.settings.disabledPacks;
            // Settings change often (colours, switches); only a change of which packs are off is news for the bases.
            if (next.join('\n') !== disabled.join('\n')) basesChanged = true;
            disabled = next;
            on.settings?.(loaded);
          }
          if (!basesChanged) return;
          bases = null;
          on.factBases?.();
        });
      };
      onChanged.addListener(listener);
      return quietStop(() => onChanged.removeListener(listener));
    },
  };
}
