// The content script's hand-written message guard agrees with the zod schema that defines the messages.
import { describe, expect, it } from 'vitest';
import { parseContentMessage } from '../../utils/content-message';
import { ToContentMessage } from '../../utils/messages';

const CASES: unknown[] = [
  { type: 'get-page-actors' },
  { type: 'get-page-actors', extra: 1 },
  { type: 'get-mentions' },
  { type: 'show-mention', actorId: 'russia', index: 0 },
  { type: 'show-mention', actorId: 'russia', index: 3, more: 'x' },
  { type: 'show-mention', actorId: '', index: 0 },
  { type: 'show-mention', actorId: 'x'.repeat(200), index: 1 },
  { type: 'show-mention', actorId: 'x'.repeat(201), index: 1 },
  { type: 'show-mention', actorId: 'russia', index: -1 },
  { type: 'show-mention', actorId: 'russia', index: 1.5 },
  { type: 'show-mention', actorId: 'russia', index: '1' },
  { type: 'show-mention', actorId: 'russia', index: Number.NaN },
  { type: 'show-mention', actorId: 'russia', index: Number.POSITIVE_INFINITY },
  { type: 'show-mention', actorId: 7, index: 1 },
  { type: 'show-mention', index: 1 },
  { type: 'show-mention', actorId: 'russia' },
  { type: 'show-mention', actorId: 'russia', index: undefined },
  { type: 'extract-article' },
  { type: 'extract-article', url: 'x' },
  { type: 'reveal-mention', actorId: 'russia', start: 3, end: 9 },
  { type: 'reveal-mention', actorId: 'russia', start: 3, end: 9, exact: 'Russia' },
  { type: 'reveal-mention', actorId: 'russia', start: 3, end: 9, exact: 5 },
  { type: 'reveal-mention', actorId: 'russia', start: -3, end: 9 },
  { type: 'reveal-mention', actorId: 'russia', start: 3 },
  { type: 'reveal-mention', start: 3, end: 9 },
  { type: 'step-mention', direction: 'next' },
  { type: 'step-mention', direction: 'previous' },
  { type: 'step-mention', direction: 'sideways' },
  { type: 'step-mention' },
  { type: 'open-factbase-page' },
  { type: 'page-actors-changed', distinctActors: 1 },
  { type: 'GET-PAGE-ACTORS' },
  {},
  [],
  ['get-page-actors'],
  null,
  undefined,
  'get-page-actors',
  42,
];

describe('parseContentMessage', () => {
  it('has a case for every message type the schema defines', () => {
    const options = (ToContentMessage as unknown as { def: { options: { shape: { type: { def: { values: string[] } } } }[] } }).def.options;
    const types = options.flatMap((o) => o.shape.type.def.values);
    expect(types.length).toBeGreaterThan(4);
    const covered = new Set(CASES.flatMap((c) => (c && typeof c === 'object' && 'type' in c ? [String((c as { type: unknown }).type)] : [])));
    for (const t of types) expect(covered.has(t), t).toBe(true);
  });

  it('accepts and refuses exactly what ToContentMessage does, with the same data', () => {
    for (const raw of CASES) {
      const zod = ToContentMessage.safeParse(raw);
      const mine = parseContentMessage(raw);
      expect({ raw, ok: mine.ok }).toEqual({ raw, ok: zod.success });
      if (mine.ok && zod.success) expect(mine.message).toEqual(zod.data);
      if (!mine.ok) expect(mine.reason.length).toBeGreaterThan(0);
    }
  });
});
