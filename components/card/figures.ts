// Splits a fact's text so the figures the article gives can be emphasised where they occur.
// Pure: the card renders the pieces as text nodes, never as HTML.

export interface TextPiece {
  text: string;
  figure: boolean;
}

export interface FigureSplit {
  pieces: TextPiece[];
  /** Figures that do not occur in the text; the card lists them after it. */
  unplaced: string[];
}

export function splitFigures(text: string, figures: readonly string[]): FigureSplit {
  const lower = text.toLowerCase();
  const spans: { start: number; end: number }[] = [];
  const unplaced: string[] = [];
  // Longest first, so "more than 40,000 people" wins over "40,000" when both are listed.
  const ordered = [...new Set(figures.filter((f) => f.trim() !== ''))].sort((a, b) => b.length - a.length);
  for (const figure of ordered) {
    const needle = figure.toLowerCase();
    let from = 0;
    let placed = false;
    for (;;) {
      const at = lower.indexOf(needle, from);
      if (at < 0) break;
      const end = at + needle.length;
      if (!spans.some((s) => at < s.end && end > s.start)) {
        spans.push({ start: at, end });
        placed = true;
        break;
      }
      from = at + 1;
    }
    // Already covered by a longer figure counts as placed.
    if (!placed && !spans.some((s) => lower.slice(s.start, s.end).includes(needle))) unplaced.push(figure);
  }
  spans.sort((a, b) => a.start - b.start);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) pieces.push({ text: text.slice(at, s.start), figure: false });
    pieces.push({ text: text.slice(s.start, s.end), figure: true });
    at = s.end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), figure: false });
  return { pieces, unplaced: figures.filter((f) => unplaced.includes(f)) };
}
