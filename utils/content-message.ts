// The content script's check of the messages it receives (ToContentMessage), written by hand: the zod
// schema in messages.ts stays the definition (tests/unit/content-message.test.ts holds this guard to it),
// but zod itself stays out of content.js, which every frame of every page evaluates.
import type { ToContentMessage } from './messages';

export type ParsedContentMessage = { ok: true; message: ToContentMessage } | { ok: false; reason: string };

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isActorId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 200;

/** What zod's ToContentMessage.safeParse would give (unknown keys dropped), without zod. */
export function parseContentMessage(raw: unknown): ParsedContentMessage {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'not an object' };
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'get-page-actors':
    case 'get-mentions':
    case 'extract-article':
      return { ok: true, message: { type: m.type } };
    case 'show-mention':
      if (!isActorId(m.actorId)) return { ok: false, reason: 'actorId: a string of 1 to 200 characters' };
      if (m.index === undefined) return { ok: true, message: { type: m.type, actorId: m.actorId } };
      if (!isCount(m.index)) return { ok: false, reason: 'index: an integer of 0 or more' };
      return { ok: true, message: { type: m.type, actorId: m.actorId, index: m.index } };
    case 'reveal-mention': {
      if (!isActorId(m.actorId)) return { ok: false, reason: 'actorId: a string of 1 to 200 characters' };
      if (!isCount(m.start)) return { ok: false, reason: 'start: an integer of 0 or more' };
      if (!isCount(m.end)) return { ok: false, reason: 'end: an integer of 0 or more' };
      if (m.exact !== undefined && typeof m.exact !== 'string') return { ok: false, reason: 'exact: a string' };
      const message = { type: m.type, actorId: m.actorId, start: m.start, end: m.end } as const;
      return { ok: true, message: m.exact === undefined ? message : { ...message, exact: m.exact } };
    }
    case 'step-mention':
      if (m.direction !== 'next' && m.direction !== 'previous') return { ok: false, reason: 'direction: "next" or "previous"' };
      return { ok: true, message: { type: m.type, direction: m.direction } };
    default:
      return { ok: false, reason: 'type: not a message to the content script' };
  }
}
