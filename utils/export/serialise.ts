// Export rows as files: JSON (an array), JSON Lines (one row per line, for streams) and CSV.
// CSV follows RFC 4180 (comma, CRLF line ends, a cell with a comma, quote or line break in double quotes,
// quotes doubled) and is written in UTF-8 WITH a byte-order mark, so spreadsheets (Excel above all) read
// non-ASCII names right; a cell that a spreadsheet would run as a formula gets a leading apostrophe.
import type { ExportRow } from './row';

/** The CSV columns, in order: the row's fields with the selector spread out. */
export const CSV_COLUMNS = [
  'url', 'title', 'time', 'actorId', 'actor', 'kind', 'pack', 'packTitle', 'packUrl', 'packDate',
  'surface', 'sentence', 'start', 'end', 'prefix', 'exact', 'suffix', 'rule', 'reason',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const UTF8_BOM = '\uFEFF';

/**
 * One CSV cell. Page text is untrusted: a cell starting with = + - @ (or a tab or carriage return, which some
 * spreadsheets skip before such a sign) gets a leading apostrophe so it is shown, never run, as a formula.
 */
export function csvCell(value: string | number | undefined): string {
  if (typeof value === 'number') return String(value);
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cellOf(row: ExportRow, column: CsvColumn): string | number | undefined {
  switch (column) {
    case 'prefix':
    case 'exact':
    case 'suffix':
      return row.selector[column];
    default:
      return row[column];
  }
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvLine(row: ExportRow): string {
  return `${CSV_COLUMNS.map((c) => csvCell(cellOf(row, c))).join(',')}\r\n`;
}

/** A whole CSV file: BOM, header, rows. */
export function rowsToCsv(rows: readonly ExportRow[]): string {
  return UTF8_BOM + csvHeader() + rows.map(csvLine).join('');
}

export function rowsToJson(rows: readonly ExportRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

export function jsonLine(row: ExportRow): string {
  return `${JSON.stringify(row)}\n`;
}

export function rowsToJsonLines(rows: readonly ExportRow[]): string {
  return rows.map(jsonLine).join('');
}
