// @vitest-environment happy-dom
// The card's content and controls, rendered alone (props only).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { Card } from '../../components/card/Card';
import { splitFigures } from '../../components/card/figures';
import { renderCard } from './render-card';

afterEach(cleanup);

describe('Card content', () => {
  it('shows the actor name, kind, identity and facts in fact-base order', () => {
    renderCard();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Wagner group');
    expect(screen.getByText('Organisation')).toBeTruthy();
    expect(screen.getByText(/Russian-backed private military contractors/)).toBeTruthy();
    const facts = screen.getAllByRole('listitem').filter((li) => li.classList.contains('fact'));
    expect(facts.map((li) => li.querySelector('.fact-text')?.textContent)).toEqual([
      "Supports Khalifa Haftar's forces in Libya, according to Turkey's President Erdogan.",
      'Erdogan said Turkey would not remain silent in the face of such "mercenaries".',
    ]);
  });

  it('emphasises the figures the article gives', () => {
    renderCard({ actorId: 'sohr' });
    const figures = screen.getAllByText((_, el) => el?.classList.contains('figure') ?? false);
    expect(figures.map((f) => f.textContent)).toEqual(['nearly 80 civilians', 'mid-December', 'more than 40,000 people']);
    expect(figures.every((f) => f.tagName === 'STRONG')).toBe(true);
  });

  it('shows the source line and asks to open the fact-base page for the shown actor', () => {
    const { props } = renderCard();
    expect(screen.getByText('“Trump calls on Russia, Syria and Iran to stop the violence in Idlib”')).toBeTruthy();
    expect(screen.getByText(/late December 2019/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'All actors and facts' }));
    expect(props.onOpenFactbase).toHaveBeenCalledWith('wagner-group');
  });

  it('explains a match decided by a context rule, and says nothing when none did', () => {
    renderCard({ reason: { rule: 'support-cue', evidence: 'mercenaries' } });
    // The page's and the pack's strings are isolated (<bdi>), so the line is read as a whole.
    expect(document.querySelector('.reason')?.textContent).toBe('Wagner: matched as Wagner group because of ‘mercenaries’ in this sentence');
    cleanup();
    renderCard();
    expect(screen.queryByText(/matched as/)).toBeNull();
  });

  it('keeps a long list of facts short until asked', () => {
    renderCard({ actorId: 'idlib' });
    expect(document.querySelectorAll('.fact')).toHaveLength(4);
    fireEvent.click(screen.getByRole('button', { name: 'Show 2 more facts' }));
    expect(document.querySelectorAll('.fact')).toHaveLength(6);
  });
});

describe('Quote disclosure', () => {
  it('shows the source sentence only on demand', () => {
    renderCard();
    const [button] = screen.getAllByRole('button', { name: 'Source sentence' });
    expect(button!.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(/would not remain silent in the face of "mercenaries" such as/)).toBeNull();
    fireEvent.click(button!);
    expect(button!.getAttribute('aria-expanded')).toBe('true');
    const quote = document.getElementById(button!.getAttribute('aria-controls')!)!;
    expect(quote.hidden).toBe(false);
    expect(quote.textContent).toContain('would not remain silent in the face of "mercenaries" such as the Russian-backed Wagner group');
    fireEvent.click(button!);
    expect(button!.getAttribute('aria-expanded')).toBe('false');
    expect(quote.hidden).toBe(true);
  });
});

describe('Related actors', () => {
  it('switches the card to a chosen actor and back', () => {
    renderCard({ reason: { rule: 'support-cue', evidence: 'mercenaries' } });
    const related = screen.getByRole('region', { name: 'Related' });
    expect(within(related).getAllByRole('button').map((b) => b.querySelector('.chip-name')?.textContent)).toEqual([
      'Khalifa Haftar',
      'Russia',
      'Libya',
    ]);
    fireEvent.click(within(related).getByRole('button', { name: /Khalifa Haftar/ }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Khalifa Haftar');
    // The match reason belongs to the mention, not to the actor walked to.
    expect(screen.queryByText(/matched as/)).toBeNull();
    expect(screen.getByRole('dialog').getAttribute('aria-labelledby')).toBe(screen.getByRole('heading', { level: 2 }).id);
    fireEvent.click(screen.getByRole('button', { name: 'Back to Wagner group' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Wagner group');
    expect(screen.queryByRole('button', { name: /Back to/ })).toBeNull();
  });

  it('folds many related actors behind a "more" button', () => {
    renderCard({ actorId: 'hub' });
    const related = screen.getByRole('region', { name: 'Related' });
    expect(within(related).getAllByRole('button')).toHaveLength(7);
    fireEvent.click(within(related).getByRole('button', { name: '+6 more' }));
    expect(within(related).getAllByRole('button')).toHaveLength(12);
  });

  it('forgets the walk when another mention opens', () => {
    const { rerender, props } = renderCard();
    fireEvent.click(screen.getByRole('button', { name: /Russia/ }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Russia');
    rerender(<Card {...props} mentionKey={2} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Wagner group');
  });
});

describe('Mentions on the page', () => {
  it('counts the mentions and steps to the previous and next one', () => {
    const { props } = renderCard();
    expect(screen.getByText('Mentioned 3 times on this page')).toBeTruthy();
    expect(screen.getByText('2 of 3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next mention' }));
    fireEvent.click(screen.getByRole('button', { name: 'Previous mention' }));
    expect(props.onStep).toHaveBeenNthCalledWith(1, 'wagner-group', 'next');
    expect(props.onStep).toHaveBeenNthCalledWith(2, 'wagner-group', 'previous');
  });

  it('offers no stepping for a single mention', () => {
    renderCard({ mentionStats: () => ({ count: 1, index: 0 }) });
    expect(screen.getByText('Mentioned once on this page')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Next mention' })).toBeNull();
  });
});

describe('Controls and ARIA', () => {
  it('is a labelled non-modal dialog with a close and a pin button', () => {
    const { props } = renderCard({ pinned: false });
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-modal')).toBeNull();
    const name = document.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    expect(name.textContent).toBe('Wagner group');
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).toMatch(/^Russian-backed/);
    const pin = screen.getByRole('button', { name: 'Keep this card open' });
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(pin);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(props.onTogglePin).toHaveBeenCalledTimes(1);
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });

  it('renders every fact-base string as text, never as HTML', () => {
    renderCard({ actorId: 'hostile' });
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Hostile <b>actor</b>');
    expect(document.querySelector('.fact-text')!.textContent).toBe('A fact <img src=x onerror=alert(1)> with markup');
    fireEvent.click(screen.getByRole('button', { name: 'Source sentence' }));
    expect(screen.getByText('“A quote <img src=x onerror=alert(2)>”')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('splitFigures', () => {
  it('marks each figure once, longest first, and lists the ones not in the text', () => {
    const split = splitFigures('More than 40,000 people fled; 40,000 is a lot', ['40,000', 'more than 40,000 people', '1 million']);
    expect(split.pieces).toEqual([
      { text: 'More than 40,000 people', figure: true },
      { text: ' fled; ', figure: false },
      { text: '40,000', figure: true },
      { text: ' is a lot', figure: false },
    ]);
    expect(split.unplaced).toEqual(['1 million']);
  });
});
