// Export of a page's mentions for researchers: the one export row (utils/export/row.ts) as JSON or CSV
// (utils/export/serialise.ts: RFC 4180, UTF-8 with BOM, formulas defused), saved as a file.
export { csvCell, rowsToCsv, rowsToJson } from '../export/serialise';

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
