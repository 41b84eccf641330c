// @vitest-environment happy-dom
// The popup's views in each state, rendered alone with plain data and spies.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { Popup } from '../../components/popup/Popup';
import type { PageState, PopupActions, PopupModel } from '../../utils/popup/model';
import { defaultSettings, type Settings } from '../../utils/settings/schema';
import { groupPageActors } from '../../utils/popup/actor-groups';
import { createRegistry } from '../../utils/factbase/registry';
import { FACT_BASE } from '../../utils/factbase/generated/idlib-2019';

afterEach(cleanup);

type Spied = { [K in keyof PopupActions]: PopupActions[K] extends (...args: infer A) => void ? ReturnType<typeof vi.fn<(...args: A) => void>> : PopupActions[K] };

function actions(): Spied {
  return {
    changeSettings: vi.fn(),
    setEnabled: vi.fn(),
    setSiteEnabled: vi.fn(),
    showActor: vi.fn(),
    exportMentions: vi.fn(),
    resetSettings: vi.fn(),
    dismissNotice: vi.fn(),
    factbaseUrl: 'chrome-extension://x/factbase.html',
  };
}

const ready = (found: { actorId: string; count: number }[], active = true): PageState => ({
  kind: 'ready',
  url: 'https://news.example.com/a',
  hostname: 'news.example.com',
  active,
  groups: groupPageActors(found, createRegistry([FACT_BASE])),
  mentionCount: found.reduce((n, a) => n + a.count, 0),
});

function show(page: PageState, settings: Partial<Settings> = {}, extra: Partial<PopupModel> = {}) {
  const a = actions();
  const model: PopupModel = {
    settings: { ...defaultSettings(), ...settings },
    wasReset: false,
    hostname: page.kind === 'ready' ? page.hostname : '',
    page,
    status: '',
    ...extra,
  };
  render(<Popup model={model} actions={a} />);
  return a;
}

const reason = () => screen.getByTestId('page-empty').getAttribute('data-reason');

describe('the popup', () => {
  it('lists the actors grouped by kind, most mentioned first, and choosing one asks to show it', () => {
    const a = show(ready([{ actorId: 'idlib', count: 2 }, { actorId: 'turkey', count: 5 }, { actorId: 'russia', count: 7 }, { actorId: 'donald-trump', count: 3 }]));
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['People', 'Places', 'States']);
    const states = screen.getAllByRole('button', { name: /mentions?, show the first$/ }).map((b) => b.getAttribute('data-actor-id'));
    expect(states).toEqual(['donald-trump', 'idlib', 'russia', 'turkey']);
    expect(screen.getByTestId('mention-total').textContent).toContain('17 mentions');
    fireEvent.click(screen.getByRole('button', { name: /^Turkey 5 mentions/ }));
    expect(a.showActor).toHaveBeenCalledWith('turkey');
  });

  it('shows the site and both switches as labelled switches', () => {
    const a = show(ready([{ actorId: 'idlib', count: 1 }]));
    const main = screen.getByRole('switch', { name: /Factlens/ });
    const site = screen.getByRole('switch', { name: /On news\.example\.com/ });
    expect((main as HTMLInputElement).checked).toBe(true);
    expect((site as HTMLInputElement).checked).toBe(true);
    fireEvent.click(site);
    expect(a.setSiteEnabled).toHaveBeenCalledWith(false);
    fireEvent.click(main);
    expect(a.setEnabled).toHaveBeenCalledWith(false);
  });

  it('says Factlens is off, before anything else', () => {
    show(ready([{ actorId: 'idlib', count: 1 }], false), { enabled: false });
    expect(reason()).toBe('off');
    expect(screen.getByTestId('page-empty').textContent).toContain('Factlens is off');
    expect(screen.queryByTestId('page-actors')).toBeNull();
  });

  it('says Factlens is off for this site', () => {
    show(ready([], false), { disabledSites: ['news.example.com'] });
    expect(reason()).toBe('site-off');
    expect(screen.getByTestId('page-empty').textContent).toContain('off for news.example.com');
    expect((screen.getByRole('switch', { name: /On news\.example\.com/ }) as HTMLInputElement).checked).toBe(false);
  });

  it('explains a restricted page, without a site switch shown as off', () => {
    show({ kind: 'restricted', url: 'chrome://settings' });
    expect(reason()).toBe('restricted');
    expect(screen.getByTestId('page-empty').textContent).toMatch(/browser’s own pages.*keep extensions out.*chrome:\/\/settings/s);
    expect(screen.queryByTestId('switch-site')).toBeNull();
    expect(screen.getByTestId('site-none').textContent).toMatch(/no site switch/);
  });

  it('explains a page that does not answer', () => {
    show({ kind: 'unreachable' });
    expect(reason()).toBe('unreachable');
    expect(screen.getByTestId('page-empty').textContent).toMatch(/reload it/);
  });

  it('says why the story\u2019s actors on the page are not marked, from the page\u2019s decision', () => {
    const why = 'Not marked: this page names only United States, named on many pages; nothing else of \u201cthe story\u201d.';
    show({ ...(ready([]) as Extract<PageState, { kind: 'ready' }>), notMarked: [{ title: 'the story', reason: why }] });
    expect(reason()).toBe('nothing-found');
    expect(screen.getByTestId('not-marked').textContent).toBe(why);
    cleanup();
    show(ready([]));
    expect(screen.queryByTestId('not-marked')).toBeNull();
  });

  it('says nothing was found, without export buttons', () => {
    show(ready([]));
    expect(reason()).toBe('nothing-found');
    expect(screen.queryByTestId('export-csv')).toBeNull();
  });

  it('shows the reset notice only when settings were reset, and dismisses it', () => {
    show(ready([]));
    expect(screen.queryByTestId('reset-notice')).toBeNull();
    cleanup();
    const a = show(ready([]), {}, { wasReset: true });
    expect(screen.getByRole('alert').textContent).toContain('Some settings could not be read and were reset');
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(a.dismissNotice).toHaveBeenCalled();
  });

  it('exports as JSON or CSV', () => {
    const a = show(ready([{ actorId: 'idlib', count: 1 }]));
    fireEvent.click(screen.getByRole('button', { name: 'CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    expect(a.exportMentions.mock.calls).toEqual([['csv'], ['json']]);
  });

  it('carries the theme setting for the stylesheet, and links to the fact-base page', () => {
    show(ready([]), { theme: 'dark' });
    expect(document.querySelector('.fl-popup')?.getAttribute('data-theme')).toBe('dark');
    expect(screen.getByRole('link', { name: 'Fact base' }).getAttribute('href')).toBe('chrome-extension://x/factbase.html');
  });
});

describe('the options', () => {
  it('changes each option through labelled controls', () => {
    const a = show(ready([]));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Places' }));
    expect(a.changeSettings).toHaveBeenLastCalledWith(expect.objectContaining({ kinds: expect.objectContaining({ place: false, person: true }) }));
    fireEvent.click(screen.getByRole('radio', { name: 'Tint' }));
    expect(a.changeSettings).toHaveBeenLastCalledWith(expect.objectContaining({ markStyle: 'tint' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Click only' }));
    expect(a.changeSettings).toHaveBeenLastCalledWith(expect.objectContaining({ cardTrigger: 'click' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /only the first mention/ }));
    expect(a.changeSettings).toHaveBeenLastCalledWith(expect.objectContaining({ firstMentionOnly: true }));
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(a.changeSettings).toHaveBeenLastCalledWith(expect.objectContaining({ theme: 'dark' }));
    fireEvent.change(screen.getByLabelText('Colour for People'), { target: { value: '#1098ad' } });
    expect(a.changeSettings).toHaveBeenLastCalledWith(expect.objectContaining({ colours: expect.objectContaining({ person: '#1098ad' }) }));
    fireEvent.change(screen.getByRole('spinbutton', { name: /Hover delay/ }), { target: { value: '99999' } });
    expect(a.changeSettings).toHaveBeenLastCalledWith(expect.objectContaining({ hoverDelayMs: 2000 }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset all settings' }));
    expect(a.resetSettings).toHaveBeenCalled();
  });

  it('adds a typed site in its normal form, refuses a non-site, removes one', () => {
    const a = show(ready([]), { disabledSites: ['a.example'] });
    const input = screen.getByLabelText('Add a site');
    fireEvent.input(input, { target: { value: 'https://News.Example.org/x' } });
    fireEvent.submit(input.closest('form')!);
    expect(a.changeSettings).toHaveBeenLastCalledWith(expect.objectContaining({ disabledSites: ['a.example', 'news.example.org'] }));
    fireEvent.input(input, { target: { value: 'not a site' } });
    fireEvent.submit(input.closest('form')!);
    expect(screen.getByRole('alert').textContent).toContain('is not a site name');
    expect(a.changeSettings).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Turn Factlens back on for a.example' }));
    expect(a.changeSettings).toHaveBeenLastCalledWith(expect.objectContaining({ disabledSites: [] }));
  });
});
