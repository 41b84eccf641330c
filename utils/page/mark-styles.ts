// How marks look. `::highlight()` rules cannot read per-page variables without touching the page (a custom
// property would need an attribute or style on <html>), so every look is a static rule in the content script's
// CSS (entrypoints/content/style.css, generated from markStylesheet() and declared in the manifest): one per
// (look, kind, palette colour). A setting's colour is painted with the nearest palette colour; the popup offers
// the palette itself.
//
// Kind is told by more than colour: each kind has its own line style (KIND_LINES), so person, place, state,
// organisation and event differ under any colour-vision deficiency. Every look has a line in the palette
// colour, and every palette colour reaches 3:1 against light and dark pages (WCAG 1.4.11, checked by
// tests/unit/mark-contrast.test.ts with markContrast() below); the tint adds a fill on top of that line.
import type { ActorKind } from '../factbase/types';
import type { Settings } from '../settings/schema';
import { MARK_PALETTE_HEX } from '../settings/palette';
import { FLASH_HIGHLIGHT } from './flash';

/** The flash's paint: black text on amber (about 12:1), with a thick line so it also shows without colour. */
export const FLASH_DECLARATIONS = 'background-color: #ffb300; color: #000000; text-decoration: underline solid #000000; text-decoration-thickness: 3px';

/** The palette lives with the settings (utils/settings/palette.ts): the popup offers exactly these. */
export const MARK_PALETTE = MARK_PALETTE_HEX;

export const MARK_VARIANTS = [
  'solid', 'dotted', 'wavy', 'tint', 'both-solid', 'both-dotted', 'both-wavy',
] as const;
export type MarkVariant = (typeof MARK_VARIANTS)[number];

/** What a variant paints: a line, a fill with a thin line, or a fill with a full line. */
export const MARK_LOOKS = ['underline', 'tint', 'both'] as const;
export type MarkLook = (typeof MARK_LOOKS)[number];

/** One line style per kind (what ::highlight() supports of text-decoration): the kind's cue besides colour. */
export const KIND_LINES: Record<ActorKind, 'solid' | 'dotted' | 'dashed' | 'double' | 'wavy'> = {
  person: 'solid',
  place: 'dotted',
  state: 'dashed',
  organisation: 'double',
  event: 'wavy',
};

/** How each look paints: fill opacity (0 = none) and line thickness. */
export const LOOK_PAINT: Record<MarkLook, { fillAlpha: number; lineWidthPx: number }> = {
  underline: { fillAlpha: 0, lineWidthPx: 2 },
  tint: { fillAlpha: 0.32, lineWidthPx: 1 },
  both: { fillAlpha: 0.2, lineWidthPx: 2 },
};

export type MarkStyle = Pick<Settings, 'markStyle' | 'underlineStyle' | 'colours'>;

export function variantOf(style: Pick<Settings, 'markStyle' | 'underlineStyle'>): MarkVariant {
  if (style.markStyle === 'tint') return 'tint';
  if (style.markStyle === 'both') return `both-${style.underlineStyle}`;
  return style.underlineStyle;
}

/** The look a variant paints (its line style now comes from the kind, KIND_LINES). */
export function lookOf(variant: MarkVariant): MarkLook {
  if (variant === 'tint') return 'tint';
  return variant.startsWith('both-') ? 'both' : 'underline';
}

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
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

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(rgb(a)), luminance(rgb(b))];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** A colour laid over a background at an opacity, as #rrggbb (what a tint paints on that page). */
export function over(colour: string, alpha: number, background: string): string {
  const [c, p] = [rgb(colour), rgb(background)];
  return `#${c.map((v, i) => Math.round(v * alpha + p[i]! * (1 - alpha)).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * How a mark of this look and colour stands out from a page background: the contrast of its line and of its
 * fill (null without one) against the page. The line is what carries 1.4.11's 3:1 in every look.
 */
export function markContrast(look: MarkLook, colour: string, page: string): { line: number; fill: number | null } {
  const { fillAlpha } = LOOK_PAINT[look];
  return {
    line: contrastRatio(colour, page),
    fill: fillAlpha > 0 ? contrastRatio(over(colour, fillAlpha, page), page) : null,
  };
}

/** The CSS.highlights name for a variant, kind and colour, e.g. "factlens-underline-place-d9480f". */
export function highlightName(variant: MarkVariant, colour: string, kind: ActorKind): string {
  return `factlens-${lookOf(variant)}-${kind}-${nearestPaletteColour(colour).slice(1)}`;
}

/** The declarations that paint a variant for a kind in a colour (used by the CSS file and the wrap fallback). */
export function declarations(variant: MarkVariant, colour: string, kind: ActorKind): string {
  const [r, g, b] = rgb(colour);
  const { fillAlpha, lineWidthPx } = LOOK_PAINT[lookOf(variant)];
  const parts: string[] = [];
  if (fillAlpha > 0) parts.push(`background-color: rgb(${r} ${g} ${b} / ${fillAlpha})`);
  parts.push(`text-decoration: underline ${KIND_LINES[kind]} ${colour}`, `text-decoration-thickness: ${lineWidthPx}px`);
  // Below a link's own underline, not over it (Chromium paints this offset in ::highlight()).
  parts.push(`text-underline-offset: ${MARK_UNDERLINE_OFFSET_PX}px`);
  return parts.join('; ');
}

/** How far below the text the mark's line sits: clear of a link's underline (at the font's own offset). */
export const MARK_UNDERLINE_OFFSET_PX = 5;

/** The current mention (the one stepped to, see current-mark.ts): a solid fill of its own with dark text, legible on light and dark pages. */
export const CURRENT_HIGHLIGHT = 'factlens-current';
export const CURRENT_DECLARATIONS = 'background-color: #ffd43b; color: #1a1a1a';

/** The whole content-script stylesheet: entrypoints/content/style.css is written from it before each build. */
export function markStylesheet(): string {
  const lines = [
    '/* Generated from markStylesheet() in utils/page/mark-styles.ts by scripts/build-content-css.ts (npm run prebuild): do not edit. */',
    '/* Only ::highlight() rules: they paint Factlens marks and match nothing in the page\'s DOM. */',
  ];
  // One representative variant per look: the rule depends on the look, the kind and the colour only.
  const byLook: Record<MarkLook, MarkVariant> = { underline: 'solid', tint: 'tint', both: 'both-solid' };
  for (const look of MARK_LOOKS)
    for (const kind of Object.keys(KIND_LINES) as ActorKind[])
      for (const colour of MARK_PALETTE)
        lines.push(`::highlight(${highlightName(byLook[look], colour, kind)}) { ${declarations(byLook[look], colour, kind)}; }`);
  lines.push(`::highlight(${CURRENT_HIGHLIGHT}) { ${CURRENT_DECLARATIONS}; }`);
  // The side panel's "this one" flash (utils/page/flash.ts): a strong fill and line, readable on light and dark pages.
  lines.push(`::highlight(${FLASH_HIGHLIGHT}) { ${FLASH_DECLARATIONS}; }`);
  return `${lines.join('\n')}\n`;
}
