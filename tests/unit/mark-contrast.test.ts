// Marks tell kind by more than colour and stand out on light and dark pages (WCAG 1.4.11 non-text contrast,
// 3:1): computed over the whole palette × every look × white, off-white and near-black page backgrounds.
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS } from '../../utils/factbase/types';
import {
  KIND_LINES, MARK_LOOKS, MARK_PALETTE, MARK_VARIANTS, contrastRatio, declarations, highlightName, markContrast, markStylesheet, over,
} from '../../utils/page/mark-styles';

const PAGES = {
  white: '#ffffff',
  'off-white': '#f7f5f0',
  newsprint: '#fafaf7',
  'near-black': '#121212',
  'dark grey (Factlens dark)': '#1c1e22',
  'dark grey (browser dark)': '#202124',
};

describe('contrast arithmetic', () => {
  it('matches WCAG figures for known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // The measurement: #6b7280 on #1c1e22 is 3.45:1.
    expect(contrastRatio('#6b7280', '#1c1e22')).toBeCloseTo(3.45, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
  it('lays a colour over a page', () => {
    expect(over('#000000', 0.5, '#ffffff')).toBe('#808080');
    expect(over('#d9480f', 0, '#123456')).toBe('#123456');
  });
});

describe('every look and palette colour reaches 3:1 on light and dark pages', () => {
  for (const [pageName, page] of Object.entries(PAGES)) {
    it(`on a ${pageName} page (${page})`, () => {
      const failures: string[] = [];
      for (const look of MARK_LOOKS) {
        for (const colour of MARK_PALETTE) {
          const { line } = markContrast(look, colour, page);
          if (line < 3) failures.push(`${look} ${colour}: ${line.toFixed(2)}:1`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('the tint is visible: its fill is at least 1.3:1 against every page, well above the old 1.1:1', () => {
    const weakest = Math.min(
      ...Object.values(PAGES).flatMap((page) => MARK_PALETTE.map((c) => markContrast('tint', c, page).fill ?? 0)),
    );
    expect(weakest).toBeGreaterThanOrEqual(1.3);
  });
});

describe('kind told by more than colour', () => {
  it('gives each kind its own line style', () => {
    const styles = ACTOR_KINDS.map((k) => KIND_LINES[k]);
    expect(new Set(styles).size).toBe(ACTOR_KINDS.length);
  });

  it('paints the kind\'s line in every variant, even when two kinds share a colour', () => {
    for (const variant of MARK_VARIANTS) {
      const seen = new Set<string>();
      for (const kind of ACTOR_KINDS) {
        const css = declarations(variant, '#1c7ed6', kind);
        expect(css).toContain(`underline ${KIND_LINES[kind]} #1c7ed6`);
        seen.add(css);
      }
      expect(seen.size).toBe(ACTOR_KINDS.length);
    }
  });

  it('has a rule in the stylesheet for every name the painter can ask for', () => {
    const css = markStylesheet();
    for (const variant of MARK_VARIANTS)
      for (const kind of ACTOR_KINDS)
        for (const colour of MARK_PALETTE) expect(css).toContain(`::highlight(${highlightName(variant, colour, kind)}) {`);
  });
});
