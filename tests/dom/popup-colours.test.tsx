// @vitest-environment happy-dom
// The colour of each kind is chosen from the marks' palette, so what is picked is exactly what is painted.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { OptionsPanel } from '../../components/popup/OptionsPanel';
import { defaultSettings, Settings } from '../../utils/settings/schema';
import { MARK_PALETTE } from '../../utils/settings/palette';
import { highlightName } from '../../utils/page/mark-styles';

afterEach(cleanup);

describe('colour per kind', () => {
  it('offers the palette by name and stores the chosen colour', () => {
    const onChange = vi.fn();
    render(<OptionsPanel settings={defaultSettings()} onChange={onChange} onReset={() => {}} />);
    const select = screen.getByLabelText('Colour for People') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(MARK_PALETTE.map((c) => c.name));
    expect(select.value).toBe(defaultSettings().colours.person);
    fireEvent.change(select, { target: { value: '#e03131' } });
    const next: Settings = onChange.mock.calls[0]![0];
    expect(next.colours.person).toBe('#e03131');
    expect(next.colours.place).toBe(defaultSettings().colours.place);
    expect(Settings.safeParse(next).success).toBe(true);
  });

  it('shows a colour from outside the palette as "Custom" rather than pretending it is another', () => {
    const settings = defaultSettings();
    settings.colours.event = '#123456';
    render(<OptionsPanel settings={settings} onChange={() => {}} onReset={() => {}} />);
    const select = screen.getByLabelText('Colour for Events') as HTMLSelectElement;
    expect(select.value).toBe('#123456');
    expect(select.selectedOptions[0]?.textContent).toBe('Custom');
  });

  it('has a painted ::highlight() look for every palette colour and the defaults are in the palette', () => {
    const hexes = MARK_PALETTE.map((c) => c.hex);
    for (const colour of Object.values(defaultSettings().colours)) expect(hexes).toContain(colour);
    for (const hex of hexes) expect(highlightName('dotted', hex, 'person')).toBe(`factlens-underline-person-${hex.slice(1)}`);
  });
});
