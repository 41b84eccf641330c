// Sending a message and getting its typed reply: the reply is parsed with the schema the request → response
// map (utils/messages.ts) gives for that message, so a caller never handles an unchecked answer.
import { browser } from 'wxt/browser';
import {
  BACKGROUND_REPLIES,
  parseContentReply,
  parseMessage,
  type BackgroundReply,
  type BackgroundRequest,
  type ContentReply,
  type ContentRequest,
  type ToBackgroundMessage,
  type ToContentMessage,
} from './messages';

/** The other side answered, but not with the reply its message expects. */
export class InvalidReply extends Error {
  constructor(type: string, reason: string) {
    super(`the other side answered ${type} with something unexpected: ${reason}`);
    this.name = 'InvalidReply';
  }
}

/**
 * Asks a tab's content script (the top frame answers) and returns its parsed reply. Rejects when no content
 * script is there (the browser's own error) or with InvalidReply.
 */
export async function askTab<T extends ToContentMessage['type']>(tabId: number, message: ContentRequest<T>): Promise<ContentReply<T>> {
  const raw: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  const parsed = parseContentReply(message.type, raw);
  if (!parsed.ok) throw new InvalidReply(message.type, parsed.reason);
  return parsed.message;
}

/** Tells the background (from a content script or a page) and returns its parsed reply. */
export async function tellBackground<T extends ToBackgroundMessage['type']>(message: BackgroundRequest<T>): Promise<BackgroundReply<T>> {
  const raw: unknown = await browser.runtime.sendMessage(message);
  const parsed = parseMessage(BACKGROUND_REPLIES[message.type], raw);
  if (!parsed.ok) throw new InvalidReply(message.type, parsed.reason);
  return parsed.message as BackgroundReply<T>;
}
