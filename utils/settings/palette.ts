// The colours a mark can take. `::highlight()` rules cannot be written per page without touching the page,
// so the content script's CSS holds one static rule per look and palette colour (utils/page/mark-styles.ts),
// and the popup offers exactly these: what people pick is what they get. Mid-saturation hues, legible as
// underlines and tints on light and dark pages alike.
export const MARK_PALETTE = [
  { hex: '#d9480f', name: 'Orange' },
  { hex: '#2b8a3e', name: 'Green' },
  { hex: '#1c7ed6', name: 'Blue' },
  { hex: '#9c36b5', name: 'Purple' },
  { hex: '#e67700', name: 'Amber' },
  { hex: '#e03131', name: 'Red' },
  { hex: '#c2255c', name: 'Pink' },
  { hex: '#6741d9', name: 'Violet' },
  { hex: '#3b5bdb', name: 'Indigo' },
  { hex: '#1098ad', name: 'Cyan' },
  { hex: '#0ca678', name: 'Teal' },
  { hex: '#5c940d', name: 'Olive' },
  { hex: '#f59f00', name: 'Yellow' },
  { hex: '#868e96', name: 'Grey' },
  { hex: '#a61e4d', name: 'Wine' },
  { hex: '#1971c2', name: 'Navy' },
] as const;

export const MARK_PALETTE_HEX: readonly string[] = MARK_PALETTE.map((c) => c.hex);
