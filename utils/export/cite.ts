// "Copy with source": one mention as a plain-text citation a researcher pastes into notes. Pure (the card
// calls it with the mention's row; the clipboard is the caller's business).
import type { ExportRow } from './row';

/** The date part of an ISO time ("2026-12-01T09:58:00Z" → "2026-12-01"), or the text as given. */
function day(time: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(time) ? time.slice(0, 10) : time;
}

/**
 * "“…sentence…” — Page title, https://page (seen 2026-12-01). Factlens: “Ankara” = Turkey (state), from
 * “Article title”, https://article (2019-12-24)."
 */
export function citeRow(row: ExportRow): string {
  const page = [row.title.trim(), row.url].filter(Boolean).join(', ');
  const seen = row.time ? ` (seen ${day(row.time)})` : '';
  const article = [row.packTitle ? `\u201c${row.packTitle}\u201d` : row.pack, row.packUrl].filter(Boolean).join(', ');
  const articleDate = row.packDate ? ` (${row.packDate})` : '';
  const from = article ? `, from ${article}${articleDate}` : '';
  return `\u201c${row.sentence}\u201d \u2014 ${page}${seen}. Factlens: \u201c${row.surface}\u201d = ${row.actor} (${row.kind})${from}.`;
}
