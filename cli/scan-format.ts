// How `factlens scan` writes rows: JSON Lines (default), CSV (utils/export/serialise.ts), or with --explain one
// line of text per mention saying why it was marked. One place for each, used by the workers and the main thread.
import type { ExportRow } from '../utils/export/row';
import type { PageNote } from './scan';
import { csvHeader, csvLine, jsonLine, UTF8_BOM } from '../utils/export/serialise';

export type OutputFormat = 'jsonl' | 'csv' | 'explain';

/** The text written before the first row (CSV: BOM and header). */
export function outputHead(format: OutputFormat): string {
  return format === 'csv' ? UTF8_BOM + csvHeader() : '';
}

/** `--explain`: where, what, who, and the reason in words (tab-separated). */
export function explainLine(row: ExportRow): string {
  return `${row.url}\t${row.start}-${row.end}\t${row.surface}\t${row.actor}\t${row.reason}\n`;
}

/** `--explain`, after the rows: what was found but not marked, and the page's decision per fact base. */
export function formatNotes(url: string, notes: readonly PageNote[]): string {
  let out = '';
  for (const n of notes) out += `${url}\t${n.start === null ? '-' : `${n.start}-${n.end}`}\t${n.surface || '-'}\t${n.name}\t${n.why}\n`;
  return out;
}

export function formatRows(rows: readonly ExportRow[], format: OutputFormat): string {
  const line = format === 'csv' ? csvLine : format === 'explain' ? explainLine : jsonLine;
  let out = '';
  for (const row of rows) out += line(row);
  return out;
}
