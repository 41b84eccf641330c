// @vitest-environment happy-dom
// The card says why the page's decision marked the mention (issue 12): the sentence comes as a prop.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/preact';
import type { CardProps } from '../../components/card/types';
import { renderCard as renderCardWith } from './render-card';

afterEach(cleanup);

/** One mention of the Wagner group on the page. */
const renderCard = (overrides: Partial<CardProps>) => renderCardWith({ mentionStats: () => ({ count: 1, index: 0 }), ...overrides });

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
