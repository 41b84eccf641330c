// factlens draft ARTICLE.html|.txt: prints the drafted fact pack (the import format of docs/fact-packs.md)
// on stdout, through the same pipeline as the extension: Readability extraction for .html, then draftPack.
// HTML is parsed with linkedom (MIT, small and fast, no browser needed); errors go to stderr, exit code 1.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseHTML } from 'linkedom';
import { draftPack } from '../utils/drafter/draft';
import { extractArticle } from '../utils/drafter/extract';
import type { ArticleMeta } from '../utils/drafter/types';

const USAGE = 'usage: factlens draft [--any-language] ARTICLE.html|ARTICLE.txt';

/** Reads an article file into text and what is known about it, or a message saying why not. */
export function readArticleFile(path: string): { ok: true; text: string; meta: ArticleMeta; notices: string[] } | { ok: false; message: string } {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  if (!/\.html?$/i.test(path)) return { ok: true, text: raw, meta: { file: basename(path) }, notices: [] };
  const { document } = parseHTML(raw);
  const extracted = extractArticle(document as unknown as Document);
  if (!extracted.ok) return { ok: false, message: `${path}: ${extracted.problem.message}` };
  const { text, truncated: _t, fullLength: _f, lang: _l, ...meta } = extracted.article;
  return { ok: true, text, meta: { ...meta, file: meta.url ?? basename(path) }, notices: extracted.notices };
}

export function draftCommand(args: string[]): number {
  const anyLanguage = args.includes('--any-language');
  const files = args.filter((a) => a !== '--any-language');
  if (files.length !== 1 || files[0]!.startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  const article = readArticleFile(files[0]!);
  if (!article.ok) {
    console.error(`factlens draft: ${article.message}`);
    return 1;
  }
  const result = draftPack(article.text, article.meta, { anyLanguage });
  if (!result.ok) {
    const details = result.problem.code === 'invalid' ? `\n  ${result.problem.errors.join('\n  ')}` : '';
    console.error(`factlens draft: ${files[0]}: ${result.problem.message}${details}`);
    return 1;
  }
  for (const notice of [...article.notices, ...result.notices.map((n) => n.message)]) console.error(`factlens draft: note: ${notice}`);
  console.log(JSON.stringify(result.pack, null, 2));
  return 0;
}
