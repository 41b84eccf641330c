// Messages that reach the background from content scripts: each is validated with zod and checked for
// where it came from; anything else is refused with a logged reason (and that reason as the answer).
import { browser } from 'wxt/browser';
import { parseMessage, ToBackgroundMessage, type RouterAnswer } from '../messages';
import { loadSettings } from '../settings/storage';
import { recordPageActors } from './badge';
import { openFactbasePage } from './factbase-page';

export interface MessageSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export type { RouterAnswer } from '../messages';

function refuse(reason: string): RouterAnswer {
  console.warn(`Factlens background: refused a message: ${reason}`);
  return { ok: false, reason };
}

export async function handleBackgroundMessage(raw: unknown, sender: MessageSender): Promise<RouterAnswer> {
  if (sender.id !== browser.runtime.id) return refuse(`it came from another extension (${String(sender.id)})`);
  const parsed = parseMessage(ToBackgroundMessage, raw);
  if (!parsed.ok) return refuse(parsed.reason);
  const message = parsed.message;
  switch (message.type) {
    case 'page-actors-changed': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return refuse('page-actors-changed must come from a tab');
      if (sender.frameId !== 0) return refuse('page-actors-changed is taken from the top frame only');
      let hostname = '';
      try {
        hostname = new URL(sender.url ?? sender.tab?.url ?? '').hostname;
      } catch {
        return refuse('page-actors-changed from a page without an address');
      }
      const { settings } = await loadSettings();
      await recordPageActors(tabId, { hostname, count: message.distinctActors }, settings);
      return { ok: true };
    }
    case 'open-factbase-page':
      await openFactbasePage(message.actorId);
      return { ok: true };
  }
}
