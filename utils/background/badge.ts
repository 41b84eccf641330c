// The toolbar badge: the number of distinct actors on each tab's page. What the badge shows is derived
// from a per-tab record in storage.session (hostname + count, from the page's last report) and the
// settings, so a restarted service worker recomputes it instead of relying on memory.
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { isActiveOn, type Settings } from '../settings/schema';

const PREFIX = 'badge:';
const TabRecord = z.object({ hostname: z.string(), count: z.number().check(z.int(), z.minimum(0)) });
export type TabRecord = z.infer<typeof TabRecord>;

export const BADGE_COLOUR = '#3b5bdb';

type SessionArea = { get(keys: string | string[] | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(keys: string | string[]): Promise<void> };

/** storage.session (MV3, Firefox 115+); older engines get a memory stand-in (their background page persists). */
function session(): SessionArea {
  const area = (browser.storage as unknown as { session?: SessionArea }).session;
  if (area) return area;
  const memory = new Map<string, unknown>();
  return {
    async get(keys) {
      const list = keys === null ? [...memory.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => memory.has(k)).map((k) => [k, memory.get(k)]));
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) memory.set(k, v);
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) memory.delete(k);
    },
  };
}

function action() {
  // MV3 (Chrome) has `action`; the Firefox MV2 build has `browserAction`.
  return browser.action ?? browser.browserAction;
}

/** What the badge says for a tab: the count when Factlens is active there and found someone. */
export function badgeText(record: TabRecord | undefined, settings: Settings): string {
  if (!record || record.count === 0 || !isActiveOn(settings, record.hostname)) return '';
  return record.count > 999 ? '999+' : String(record.count);
}

async function paint(tabId: number, text: string): Promise<void> {
  try {
    await action().setBadgeText({ tabId, text });
  } catch {
    // The tab closed meanwhile: nothing to paint.
  }
}

export async function readTabRecord(tabId: number): Promise<TabRecord | undefined> {
  const key = PREFIX + tabId;
  const parsed = TabRecord.safeParse((await session().get(key))[key]);
  return parsed.success ? parsed.data : undefined;
}

export async function recordPageActors(tabId: number, record: TabRecord, settings: Settings): Promise<void> {
  await session().set({ [PREFIX + tabId]: record });
  await paint(tabId, badgeText(record, settings));
}

export async function forgetTab(tabId: number, repaint = true): Promise<void> {
  await session().remove(PREFIX + tabId);
  if (repaint) await paint(tabId, '');
}

/** Repaints every known tab's badge (after a settings change: off clears them, on brings them back). */
export async function repaintAll(settings: Settings): Promise<void> {
  const all = await session().get(null);
  await Promise.all(
    Object.entries(all)
      .filter(([key]) => key.startsWith(PREFIX))
      .map(([key, value]) => {
        const parsed = TabRecord.safeParse(value);
        return paint(Number(key.slice(PREFIX.length)), parsed.success ? badgeText(parsed.data, settings) : '');
      }),
  );
}

export async function setupBadgeStyle(): Promise<void> {
  try {
    await action().setBadgeBackgroundColor({ color: BADGE_COLOUR });
  } catch {
    /* cosmetic only */
  }
}
