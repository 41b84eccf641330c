// How marks look. `::highlight()` rules cannot read per-page variables without touching the page (a custom
// property would need an attribute or style on <html>), so every look is a static rule in the content script's
// CSS (entrypoints/content/style.css, generated from markStylesheet() and declared in the manifest): one per (variant, palette colour). A setting's
// colour is painted with the nearest palette colour; the popup offers the palette itself.
import type { Settings } from '../settings/schema';
import { MARK_PALETTE_HEX } from '../settings/palette';

/** The palette lives with the settings (utils/settings/palette.ts): the popup offers exactly these. */
export const MARK_PALETTE = MARK_PALETTE_HEX;

export const MARK_VARIANTS = [
  'solid', 'dotted', 'wavy', 'tint', 'both-solid', 'both-dotted', 'both-wavy',
] as const;
export type MarkVariant = (typeof MARK_VARIANTS)[number];

export type MarkStyle = Pick<Settings, 'markStyle' | 'underlineStyle' | 'colours'>;

export function variantOf(style: Pick<Settings, 'markStyle' | 'underlineStyle'>): MarkVariant {
  if (style.markStyle === 'tint') return 'tint';
  if (style.markStyle === 'both') return `both-${style.underlineStyle}`;
  return style.underlineStyle;
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The palette colour nearest to any #rrggbb colour (a weighted RGB distance, close to perception). */
export function nearestPaletteColour(hex: string): string {
  const lower = hex.toLowerCase();
  if ((MARK_PALETTE as readonly string[]).includes(lower)) return lower;
  const [r, g, b] = rgb(lower);
  let best = '';
  let bestDistance = Infinity;
  for (const colour of MARK_PALETTE) {
    const [pr, pg, pb] = rgb(colour);
    const d = 2 * (r - pr) ** 2 + 4 * (g - pg) ** 2 + 3 * (b - pb) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = colour;
    }
  }
  return best;
}

/** The CSS.highlights name for a variant and colour, e.g. "factlens-dotted-d9480f". */
export function highlightName(variant: MarkVariant, colour: string): string {
  return `factlens-${variant}-${nearestPaletteColour(colour).slice(1)}`;
}

/** The declarations that paint a variant in a colour (used by the CSS file and by the wrap fallback). */
export function declarations(variant: MarkVariant, colour: string): string {
  const [r, g, b] = rgb(colour);
  const parts: string[] = [];
  if (variant === 'tint' || variant.startsWith('both-')) parts.push(`background-color: rgb(${r} ${g} ${b} / 0.22)`);
  if (variant !== 'tint') {
    const line = variant.replace('both-', '');
    parts.push(`text-decoration: underline ${line} ${colour}`, 'text-decoration-thickness: 2px');
  }
  return parts.join('; ');
}

/** The whole content-script stylesheet: entrypoints/content/style.css is written from it before each build. */
export function markStylesheet(): string {
  const lines = [
    '/* Generated from markStylesheet() in utils/page/mark-styles.ts by scripts/build-content-css.ts (npm run prebuild): do not edit. */',
    '/* Only ::highlight() rules: they paint Factlens marks and match nothing in the page\'s DOM. */',
  ];
  for (const variant of MARK_VARIANTS)
    for (const colour of MARK_PALETTE)
      lines.push(`::highlight(${highlightName(variant, colour)}) { ${declarations(variant, colour)}; }`);
  return `${lines.join('\n')}\n`;
}
