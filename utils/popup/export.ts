// Export of a page's mentions for researchers: JSON and CSV (RFC 4180), one row per mention.
import type { MentionRow } from '../messages';

export const EXPORT_COLUMNS = ['actor', 'actorId', 'surface', 'context', 'url', 'time'] as const;

export function rowsToJson(rows: readonly MentionRow[]): string {
  return `${JSON.stringify(rows.map((r) => Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, r[c]]))), null, 2)}\n`;
}

/**
 * One CSV cell. A cell that a spreadsheet would run as a formula (= + - @ at the start) gets a leading
 * apostrophe: page text is untrusted and must not become a formula on a researcher's machine.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function rowsToCsv(rows: readonly MentionRow[]): string {
  const lines = [EXPORT_COLUMNS.join(','), ...rows.map((r) => EXPORT_COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** "factlens-www.example.com-2026-11-03T10-20-00.csv" */
export function exportFileName(hostname: string, when: Date, extension: 'json' | 'csv'): string {
  const stamp = when.toISOString().slice(0, 19).replace(/:/g, '-');
  const host = hostname.replace(/[^a-z0-9.-]/gi, '_') || 'page';
  return `factlens-${host}-${stamp}.${extension}`;
}

/** Saves text as a file through a Blob and an <a download> (no "downloads" permission needed). */
export function downloadText(filename: string, text: string, mimeType: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; revoke a moment later so slow browsers still read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
