import { describe, expect, it } from 'vitest';
import { basesInForce, createRegistry } from '../../utils/factbase/registry';
import type { CompiledActor, CompiledFactBase } from '../../utils/factbase/types';

function actor(id: string, name: string, kind: CompiledActor['kind'] = 'state'): CompiledActor {
  return {
    id, name, kind, identity: name, identityQuote: name,
    aliases: [{ text: name, caseRule: 'proper', ambiguous: false, surname: false }],
    cues: { support: [], contrary: [] }, givenNames: [],
    facts: [{ id: `${id}/0`, text: 't', quote: 'q', actors: [id], figures: [] }], related: [],
  };
}
function base(id: string, actors: CompiledActor[]): CompiledFactBase {
  return { formatVersion: 1, source: { id, title: id, period: 'p', file: 'f', note: 'n' }, actors };
}

describe('fact-base registry', () => {
  const a = base('story-a', [actor('russia', 'Russia'), actor('kalin', 'Ibrahim Kalin', 'person')]);
  const b = base('story-b', [actor('russia', 'Russian Federation'), actor('ukraine', 'Ukraine')]);

  it('puts built-in bases first, then packs, and leaves out disabled or repeated ids', () => {
    expect(basesInForce([a], [b]).map((x) => x.source.id)).toEqual(['story-a', 'story-b']);
    expect(basesInForce([a], [b], new Set(['story-a'])).map((x) => x.source.id)).toEqual(['story-b']);
    expect(basesInForce([a], [a, b]).map((x) => x.source.id)).toEqual(['story-a', 'story-b']);
  });

  it('names an id by the first base that defines it and keeps every base that knows it', () => {
    const reg = createRegistry([a, b]);
    expect(reg.actor('russia')?.name).toBe('Russia');
    expect(reg.sourceOf('russia')?.id).toBe('story-a');
    expect(reg.entries('russia').map((e) => e.source.id)).toEqual(['story-a', 'story-b']);
    expect(reg.describe('ukraine')).toEqual({ name: 'Ukraine', kind: 'state' });
    expect(reg.describe('nobody')).toBeUndefined();
    expect(reg.entries('nobody')).toEqual([]);
  });
});
