// Limits shared by extraction (content script) and drafting (extension page), in one place.

/** Article text beyond this many characters is cut (at a paragraph end), and the result says so. */
export const MAX_ARTICLE_CHARS = 200_000;
/** Fewer characters of main text than this is not an article. */
export const MIN_ARTICLE_CHARS = 500;

/** Cuts text to at most `max` characters at the last paragraph break (or the last space) before the limit. */
export function cutText(text: string, max = MAX_ARTICLE_CHARS): string {
  if (text.length <= max) return text;
  const paragraph = text.lastIndexOf('\n', max);
  if (paragraph > max / 2) return text.slice(0, paragraph).trimEnd();
  const space = text.lastIndexOf(' ', max);
  return text.slice(0, space > max / 2 ? space : max).trimEnd();
}

/** A title for a text that has none: its first line, cut at a word before 120 characters. */
export function firstLine(text: string): string {
  const line = text.trim().split('\n')[0]!.trim();
  return line.length <= 120 ? line : `${line.slice(0, line.lastIndexOf(' ', 117))}…`;
}
