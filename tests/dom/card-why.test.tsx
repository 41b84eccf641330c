// @vitest-environment happy-dom
// The card says why the page's decision marked the mention (issue 12): the sentence comes as a prop.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { Card } from '../../components/card/Card';
import type { CardProps } from '../../components/card/types';
import { createActorLookup } from '../../utils/card/lookup';
import { ALL_FIXTURE_BASES } from '../fixtures/components/card-data';

afterEach(cleanup);

function renderCard(overrides: Partial<CardProps>) {
  const props: CardProps = {
    actorId: 'wagner-group',
    mentionKey: 1,
    lookup: createActorLookup(ALL_FIXTURE_BASES),
    mentionStats: () => ({ count: 1, index: 0 }),
    surface: 'Wagner',
    pinned: false,
    onTogglePin: vi.fn(),
    onClose: vi.fn(),
    onStep: vi.fn(),
    onOpenFactbase: vi.fn(),
    ...overrides,
  };
  return render(<Card {...props} />);
}

describe('the card says why a mention is marked', () => {
  it('shows the page decision sentence, in place of the rule alone', () => {
    const why = 'Marked because this page names Wagner group.';
    const { container } = renderCard({ why, reason: { rule: 'page-name', evidence: 'Wagner group' } });
    expect(container.querySelector('.reason')?.textContent).toBe(why);
  });

  it('shows the sentence when no context rule decided it, and nothing without either', () => {
    const { container } = renderCard({ why: 'Marked by name.' });
    expect(container.querySelector('.reason')?.textContent).toBe('Marked by name.');
    cleanup();
    expect(renderCard({}).container.querySelector('.reason')).toBeNull();
  });
});
