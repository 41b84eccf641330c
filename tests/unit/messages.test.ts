// The request → response map: every message has its reply schema, and a sender gets the reply parsed.
import { describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
const runtimeSend = vi.fn();
vi.mock('wxt/browser', () => ({ browser: { tabs: { sendMessage }, runtime: { sendMessage: runtimeSend } } }));

const { BACKGROUND_REPLIES, CONTENT_REPLIES, ToBackgroundMessage, ToContentMessage, parseContentReply } = await import('../../utils/messages');
const { askTab, tellBackground, InvalidReply } = await import('../../utils/messaging');

const types = (schema: { def: { options: readonly { shape: { type: { def: { values: readonly string[] } } } }[] } }) =>
  schema.def.options.flatMap((o) => o.shape.type.def.values).sort();

describe('messages and their replies', () => {
  it('gives every message a reply schema, and no more', () => {
    expect(Object.keys(CONTENT_REPLIES).sort()).toEqual(types(ToContentMessage as never));
    expect(Object.keys(BACKGROUND_REPLIES).sort()).toEqual(types(ToBackgroundMessage as never));
  });

  it('parses each reply with its own schema', () => {
    const page = { url: 'https://a.example/', active: true, actors: [{ actorId: 'russia', count: 2 }] };
    expect(parseContentReply('get-page-actors', page)).toEqual({ ok: true, message: page });
    expect(parseContentReply('get-page-actors', { ok: true }).ok).toBe(false);
    expect(parseContentReply('show-mention', { ok: false })).toEqual({ ok: true, message: { ok: false } });
    expect(parseContentReply('get-mentions', [{ actorId: '' }]).ok).toBe(false);
  });

  it('askTab sends to the top frame and returns the typed reply, or rejects with InvalidReply', async () => {
    sendMessage.mockResolvedValueOnce([]);
    await expect(askTab(7, { type: 'get-mentions' })).resolves.toEqual([]);
    expect(sendMessage).toHaveBeenLastCalledWith(7, { type: 'get-mentions' }, { frameId: 0 });
    sendMessage.mockResolvedValueOnce('nonsense');
    await expect(askTab(7, { type: 'step-mention', direction: 'next' })).rejects.toBeInstanceOf(InvalidReply);
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
    await expect(askTab(7, { type: 'get-page-actors' })).rejects.toThrow('Could not establish connection');
  });

  it('tellBackground returns the background’s answer, or rejects with InvalidReply', async () => {
    runtimeSend.mockResolvedValueOnce({ ok: false, reason: 'page-actors-changed is taken from the top frame only' });
    await expect(tellBackground({ type: 'page-actors-changed', distinctActors: 3 })).resolves.toMatchObject({ ok: false });
    expect(runtimeSend).toHaveBeenLastCalledWith({ type: 'page-actors-changed', distinctActors: 3 });
    runtimeSend.mockResolvedValueOnce(undefined);
    await expect(tellBackground({ type: 'open-factbase-page' })).rejects.toBeInstanceOf(InvalidReply);
  });
});
