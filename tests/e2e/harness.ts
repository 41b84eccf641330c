// The browser-test harness: the launcher, the fixture server and the page helpers live in scripts/lib/browser.ts
// (the demo and the bench use them too); what only the tests need is here.
export * from '../../scripts/lib/browser';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SHARED_PAGES } from '../../scripts/lib/paths';

/**
 * Whether a shared fixture page (../shared/fixtures/pages) is there; when it is not, says so, so that a test
 * skipped for it (`it.skipIf(!hasSharedPage(…))`) is skipped plainly, not silently.
 */
export function hasSharedPage(file: string): boolean {
  const there = existsSync(path.join(SHARED_PAGES, file));
  if (!there) console.warn(`skipped: the shared fixture page ${file} is absent (${SHARED_PAGES})`);
  return there;
}

/**
 * Runs in an extension context (pass it to the service worker's or an extension page's `evaluate`, in Chromium
 * or Firefox): turns Factlens on or off by writing the stored settings, keeping the user's other changes.
 */
export async function writeEnabledSetting(on: boolean): Promise<void> {
  type Local = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
  const g = globalThis as unknown as { browser?: { storage: { local: Local } }; chrome?: { storage: { local: Local } } };
  const local = (g.browser ?? g.chrome)!.storage.local;
  const stored = (await local.get('settings')).settings as { version?: number; changes?: Record<string, unknown> } | undefined;
  const changes = { ...(stored?.changes ?? {}) };
  if (on) delete changes.enabled;
  else changes.enabled = false;
  await local.set({ settings: { version: stored?.version ?? 2, changes } });
}
