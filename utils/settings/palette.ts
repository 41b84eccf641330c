// The colours a mark can take. `::highlight()` rules cannot be written per page without touching the page,
// so the content script's CSS holds one static rule per look and palette colour (utils/page/mark-styles.ts),
// and the popup offers exactly these: what people pick is what they get. Every hue sits in the luminance band
// that reaches 3:1 against white, off-white and near-black pages alike (tests/unit/mark-contrast.test.ts).
export const MARK_PALETTE = [
  { hex: '#d9480f', name: 'Orange' },
  { hex: '#2b8a3e', name: 'Green' },
  { hex: '#1c7ed6', name: 'Blue' },
  { hex: '#a14bb8', name: 'Purple' },
  { hex: '#d66e00', name: 'Amber' },
  { hex: '#e03131', name: 'Red' },
  { hex: '#c43d66', name: 'Pink' },
  { hex: '#7559db', name: 'Violet' },
  { hex: '#4c65dc', name: 'Indigo' },
  { hex: '#1098ad', name: 'Cyan' },
  { hex: '#0b9d72', name: 'Teal' },
  { hex: '#5c940d', name: 'Olive' },
  { hex: '#c07c00', name: 'Yellow' },
  { hex: '#838b93', name: 'Grey' },
  { hex: '#ae5269', name: 'Wine' },
  { hex: '#1971c2', name: 'Navy' },
] as const;

export const MARK_PALETTE_HEX: readonly string[] = MARK_PALETTE.map((c) => c.hex);
