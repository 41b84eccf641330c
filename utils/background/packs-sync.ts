// The background keeps "packs-compiled" (utils/packs/compiled.ts) in step with "packs": whenever the stored
// packs change, and once when it starts (an install from before the record existed, or a write it missed),
// it reads them with full validation and writes the packs that passed. This is the one place the stored
// packs are validated for the content script; frames only read the result.
import { browser } from 'wxt/browser';
import { COMPILED_PACKS_KEY, compiledPacksRecord } from '../packs/compiled';
import { loadImportedPacks, packsItem } from '../packs/storage';

/** Writes the record from the stored packs; writes nothing when it already says the same (no frame recompiles). */
export async function syncCompiledPacks(): Promise<void> {
  const { packs } = await loadImportedPacks();
  const next = compiledPacksRecord(packs);
  const stored = (await browser.storage.local.get(COMPILED_PACKS_KEY))[COMPILED_PACKS_KEY];
  if (stored !== undefined && JSON.stringify(stored) === JSON.stringify(next)) return;
  await browser.storage.local.set({ [COMPILED_PACKS_KEY]: next });
}

export function watchPacksForFrames(): void {
  let queue = Promise.resolve();
  // One sync at a time, in order: two quick imports must not leave the first one's record last.
  const sync = () => {
    queue = queue.then(syncCompiledPacks).catch((e: unknown) => console.warn('Factlens: packs could not be compiled', e));
  };
  packsItem.watch(sync);
  sync();
}
