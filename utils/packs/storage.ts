// Imported fact packs in extension storage (storage.local, key "packs"): `{ version: 1, packs: [...] }`.
// Each pack has the compiled fact base's own format (docs/fact-packs.md). A pack is checked with
// validatePack both when it is imported (a faulty one is refused and nothing is stored) and again when
// it is read back (a stored pack that no longer passes is left out, never thrown on).
// The built-in bases (FACT_BASES, the article's own first) are always there, never stored, never removable
// (they ship with the extension and would come back with the next update); they can be turned off like any
// pack. An imported pack may not take a built-in id.
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import type { CompiledFactBase } from '../factbase/types';
import { FACT_BASES } from '../factbase/generated';
import { basesInForce } from '../factbase/registry';
import { validatePack } from '../factbase/pack';
import { loadSettings, quietStop, settingsItem, updateSettings } from '../settings/storage';
import { COMPILED_PACKS_KEY, PACKS_KEY } from '../storage-keys';
import { droppedPacks } from './compiled';

export { PACKS_KEY };
/** The raw stored list (any shape: every entry is checked again when read). */
export const packsItem = storage.defineItem<unknown>(`local:${PACKS_KEY}`, { fallback: null });
/** A pack file larger than this is refused before parsing (storage.local holds 10 MB in all). */
export const MAX_PACK_BYTES = 2_000_000;

/** Whether an id is a built-in base's (those cannot be imported over or removed; they can be turned off). */
export function isBuiltInBase(id: string): boolean {
  return FACT_BASES.some((b) => b.source.id === id);
}

const StoredPack = z.object({ importedAt: z.string(), factBase: z.unknown() });
const StoredPacks = z.object({ version: z.literal(1), packs: z.array(z.unknown()) });

export interface ImportedPack {
  id: string;
  importedAt: string;
  factBase: CompiledFactBase;
}

export interface PackListing {
  packs: ImportedPack[];
  /** Stored entries that did not pass validation on read, with why (they are ignored). */
  unreadable: string[];
}

export type ImportResult = { ok: true; pack: ImportedPack } | { ok: false; errors: string[] };

/** Reads a stored "packs" value (any shape). Never throws. */
export function packsFromStored(raw: unknown): PackListing {
  if (raw === undefined || raw === null) return { packs: [], unreadable: [] };
  const envelope = StoredPacks.safeParse(raw);
  if (!envelope.success) return { packs: [], unreadable: ['packs: not a list of packs'] };
  const packs: ImportedPack[] = [];
  const unreadable: string[] = [];
  const seen = new Set(FACT_BASES.map((b) => b.source.id));
  envelope.data.packs.forEach((entry, i) => {
    const stored = StoredPack.safeParse(entry);
    if (!stored.success) {
      unreadable.push(`packs[${i}]: not a stored pack`);
      return;
    }
    let checked: ReturnType<typeof validatePack>;
    try {
      checked = validatePack(stored.data.factBase);
    } catch (e) {
      checked = { ok: false, errors: [String(e)] };
    }
    if (!checked.ok) {
      unreadable.push(...checked.errors.map((err) => `packs[${i}].${err}`));
      return;
    }
    const id = checked.factBase.source.id;
    if (seen.has(id)) {
      unreadable.push(`packs[${i}]: a second pack with id "${id}"`);
      return;
    }
    seen.add(id);
    packs.push({ id, importedAt: stored.data.importedAt, factBase: checked.factBase });
  });
  return { packs, unreadable };
}

export async function loadImportedPacks(): Promise<PackListing> {
  try {
    return packsFromStored(await packsItem.getValue());
  } catch (e) {
    return { packs: [], unreadable: [`packs: storage could not be read (${String(e)})`] };
  }
}

async function storePacks(packs: ImportedPack[]): Promise<void> {
  const value = { version: 1, packs: packs.map(({ importedAt, factBase }) => ({ importedAt, factBase })) };
  await packsItem.setValue(value);
}

/** Whether a storage error is the browser saying it is full (Chrome: QUOTA_BYTES…; Firefox: QuotaExceededError). */
export function isQuotaError(e: unknown): boolean {
  const text = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /quota|QUOTA_BYTES|storage.*full/i.test(text);
}

/**
 * Stores a checked pack beside the others, in one write: the whole list is set at once, so a write the
 * browser refuses (storage full) leaves the stored packs exactly as they were.
 */
async function addCheckedPack(factBase: CompiledFactBase, now: Date): Promise<ImportResult> {
  const id = factBase.source.id;
  if (isBuiltInBase(id)) return { ok: false, errors: [`source.id: "${id}" is a built-in pack's id`] };
  const { packs } = await loadImportedPacks();
  if (packs.some((p) => p.id === id)) {
    return { ok: false, errors: [`source.id: a pack with id "${id}" is already imported (remove it first)`] };
  }
  const pack: ImportedPack = { id, importedAt: now.toISOString(), factBase };
  try {
    await storePacks([...packs, pack]);
  } catch (e) {
    const why = isQuotaError(e)
      ? "the browser's storage for Factlens is full; remove a pack you no longer need and save again"
      : `it could not be stored (${e instanceof Error ? e.message : String(e)})`;
    return { ok: false, errors: [`(storage): nothing was saved: ${why}`] };
  }
  return { ok: true, pack };
}

/** Checks a pack file's text (or a parsed value) and stores it when it passes; a faulty one stores nothing. */
export async function importPack(input: string | unknown, now = new Date()): Promise<ImportResult> {
  let raw: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_PACK_BYTES) return { ok: false, errors: [`(file): larger than ${MAX_PACK_BYTES} bytes`] };
    try {
      raw = JSON.parse(input);
    } catch (e) {
      return { ok: false, errors: [`(file): not JSON (${e instanceof Error ? e.message : String(e)})`] };
    }
  }
  let checked: ReturnType<typeof validatePack>;
  try {
    checked = validatePack(raw);
  } catch (e) {
    return { ok: false, errors: [`(pack): could not be checked (${String(e)})`] };
  }
  if (!checked.ok) return { ok: false, errors: checked.errors.length ? checked.errors : ['(pack): refused'] };
  return addCheckedPack(checked.factBase, now);
}

/** Saves a reviewed draft: the same checks and store as an import, then turns it on (in case its id was off). */
export async function saveDraftPack(draft: CompiledFactBase, now = new Date()): Promise<ImportResult> {
  const result = await importPack(draft as unknown, now);
  if (result.ok) await setPackEnabled(result.pack.id, true);
  return result;
}

/** Removes an imported pack (the built-in one cannot be) and forgets that it was turned off. */
export async function removePack(id: string): Promise<boolean> {
  if (isBuiltInBase(id)) return false;
  const { packs } = await loadImportedPacks();
  const rest = packs.filter((p) => p.id !== id);
  if (rest.length === packs.length) return false;
  await storePacks(rest);
  await updateSettings((s) => ({ ...s, disabledPacks: s.disabledPacks.filter((p) => p !== id) }));
  return true;
}

/** Turns a pack on or off, the built-in ones included (settings.disabledPacks). */
export async function setPackEnabled(id: string, enabled: boolean): Promise<void> {
  await updateSettings((s) => ({
    ...s,
    disabledPacks: enabled ? s.disabledPacks.filter((p) => p !== id) : [...new Set([...s.disabledPacks, id])],
  }));
}

/** The imported packs that are turned on (not the built-in bases). Never throws. */
export async function loadEnabledPacks(): Promise<CompiledFactBase[]> {
  const [{ packs }, { settings }] = await Promise.all([loadImportedPacks(), loadSettings()]);
  return packs.filter((p) => !settings.disabledPacks.includes(p.id)).map((p) => p.factBase);
}

/** The fact bases in force: the built-in ones, then the imported packs, less those turned off (the registry's order). */
export async function loadBasesInForce(): Promise<CompiledFactBase[]> {
  const [packs, disabled] = await Promise.all([
    loadEnabledPacks().catch(() => []),
    loadSettings().then(({ settings }) => new Set(settings.disabledPacks)).catch(() => new Set<string>()),
  ]);
  return basesInForce(FACT_BASES, packs, disabled);
}

/** The frames' record (written by the background alone: utils/background/packs-sync.ts), read here for what it left out. */
const compiledItem = storage.defineItem<unknown>(`local:${COMPILED_PACKS_KEY}`, { fallback: null });

/** The stored packs that pages do not mark because storage could not hold the frames' record with them. */
export async function loadDroppedPacks(): Promise<string[]> {
  return droppedPacks(await compiledItem.getValue());
}

/** Calls back when the background rewrites the frames' record (after an import, a removal, a switch). */
export function watchDroppedPacks(onChange: () => void): () => void {
  return quietStop(compiledItem.watch(() => onChange()));
}

/** Calls back whenever the stored packs or the settings (which packs are off) change. */
export function watchStoredPacks(onChange: (what: 'packs' | 'settings') => void): () => void {
  const stops = [packsItem.watch(() => onChange('packs')), settingsItem.watch(() => onChange('settings'))].map(quietStop);
  return () => stops.forEach((stop) => stop());
}

/**
 * Calls back with the enabled imported packs when packs are imported/removed or turned on/off, a built-in
 * base included (the content script then reloads the bases in force).
 */
export function watchEnabledPacks(onChange: (packs: CompiledFactBase[]) => void): () => void {
  const keyOf = (bases: CompiledFactBase[]) => bases.map((p) => `${p.source.id}:${p.actors.length}`).join('|');
  let lastKey = '';
  void loadBasesInForce().then((bases) => (lastKey = keyOf(bases)));
  return watchStoredPacks((what) => {
    void Promise.all([loadBasesInForce(), loadEnabledPacks()]).then(([bases, packs]) => {
      // Settings change often (colours, switches); only a change of the set in force is news here.
      const key = keyOf(bases);
      if (key === lastKey && what === 'settings') return;
      lastKey = key;
      onChange(packs);
    });
  });
}
