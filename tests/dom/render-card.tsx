// The card view rendered alone (props only) for the DOM tests: the Wagner group's card from the fixture bases,
// with inert callbacks (vi.fn) the tests can inspect through the returned props; `overrides` change any prop.
import { vi } from 'vitest';
import { render } from '@testing-library/preact';
import { Card } from '../../components/card/Card';
import type { CardProps } from '../../components/card/types';
import { createActorLookup } from '../../utils/card/lookup';
import { ALL_FIXTURE_BASES } from '../fixtures/components/card-data';

export const lookup = createActorLookup(ALL_FIXTURE_BASES);

export function renderCard(overrides: Partial<CardProps> = {}) {
  const props: CardProps = {
    actorId: 'wagner-group',
    mentionKey: 1,
    lookup,
    mentionStats: (id) => (id === 'wagner-group' ? { count: 3, index: 1 } : { count: 2, index: null }),
    surface: 'Wagner',
    pinned: false,
    onTogglePin: vi.fn(),
    onClose: vi.fn(),
    onStep: vi.fn(),
    onOpenFactbase: vi.fn(),
    ...overrides,
  };
  const result = render(<Card {...props} />);
  return { ...result, props };
}
