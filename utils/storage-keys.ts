// The storage.local keys, in one module with no imports: the loader in every frame (utils/page/app-loader.ts)
// reads a frame's keys before the app has loaded, and the card reads the packs' facts, without carrying the
// modules that validate or write what is under them (zod, @wxt-dev/storage).
/** The user's settings (utils/settings/storage.ts). */
export const SETTINGS_KEY = 'settings';
/** The imported packs, validated when they were stored (utils/packs/storage.ts). */
export const PACKS_KEY = 'packs';
/** What frames read of the packs, written by the background alone (utils/packs/compiled.ts). */
export const COMPILED_PACKS_KEY = 'packs-compiled';
/** The words a frame's text must hold for the app to load there, written by the background with the record (utils/engine/word-gate.ts). */
export const FRAME_GATE_KEY = 'frame-gate';
/** What a frame reads when it starts, in one storage.local.get (utils/packs/frame-data.ts). */
export const FRAME_KEYS: readonly string[] = [SETTINGS_KEY, COMPILED_PACKS_KEY];
