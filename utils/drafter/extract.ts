// Extraction of the article a page shows: Mozilla's Readability on a CLONE of the document (Readability
// rewrites the tree it is given; the live page must never change), then the main text as plain text with a
// blank line between paragraphs, and the page's title, byline, site, date and address.
// Small on purpose: the content script will call it, so it carries no NLP. The Document is injected (the
// page's own in the browser, linkedom's in the CLI): this module touches no global DOM.
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { cutText, firstLine, MAX_ARTICLE_CHARS, MIN_ARTICLE_CHARS } from './limits';
import type { ArticleMeta } from './types';

export interface ExtractedArticle extends ArticleMeta {
  readonly title: string;
  /** Main text: paragraphs separated by a blank line. */
  readonly text: string;
  /** The main text was longer than MAX_ARTICLE_CHARS and was cut. */
  readonly truncated: boolean;
  /** Length of the main text before any cut. */
  readonly fullLength: number;
  /** The page's declared language (`<html lang>`), if any. */
  readonly lang?: string;
}

export type ExtractProblem =
  | { readonly code: 'not-article'; readonly message: string }
  | { readonly code: 'too-short'; readonly message: string; readonly length: number }
  | { readonly code: 'failed'; readonly message: string };

export type ExtractResult =
  | { ok: true; article: ExtractedArticle; notices: string[] }
  | { ok: false; problem: ExtractProblem };

export interface ExtractOptions {
  /** The page's address (document.URL is used if not given). */
  readonly url?: string;
  /** Skip Readability's "is this probably an article?" test (the CLI does, for saved pages). */
  readonly skipReaderableCheck?: boolean;
}

const BLOCKS = new Set(
  'p div h1 h2 h3 h4 h5 h6 li ul ol blockquote pre section article header footer aside figure figcaption table tr dd dt dl hr main nav'.split(' '),
);

/** Extracts the article shown by `doc`; never modifies `doc`. */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractResult {
  try {
    if (!options.skipReaderableCheck && !isProbablyReaderable(doc)) {
      return { ok: false, problem: { code: 'not-article', message: 'This page does not look like an article: no main text was found.' } };
    }
    const clone = doc.cloneNode(true) as Document;
    const parsed = new Readability(clone, { serializer: (el: Node) => el }).parse();
    const root = parsed?.content as unknown as Node | null | undefined;
    if (!parsed || !root) {
      return { ok: false, problem: { code: 'not-article', message: 'This page does not look like an article: no main text was found.' } };
    }
    const full = blockText(root);
    if (full.length < MIN_ARTICLE_CHARS) {
      return {
        ok: false,
        problem: { code: 'too-short', length: full.length, message: `The main text is too short to be an article (${full.length} characters; at least ${MIN_ARTICLE_CHARS} are needed).` },
      };
    }
    const text = cutText(full);
    const truncated = text.length < full.length;
    const notices = truncated
      ? [`The article is long (${full.length.toLocaleString('en')} characters): only its first ${text.length.toLocaleString('en')} were kept (limit ${MAX_ARTICLE_CHARS.toLocaleString('en')}).`]
      : [];
    const url = options.url ?? (/^https?:/.test(doc.URL ?? '') ? doc.URL : undefined);
    const title = plain(parsed.title ?? '') || plain(doc.title ?? '') || firstLine(text);
    const published = plain(parsed.publishedTime ?? '') || timeDatetime(doc);
    const lang = plain(parsed.lang ?? '') || doc.documentElement?.getAttribute('lang') || '';
    const article: ExtractedArticle = {
      title,
      text,
      truncated,
      fullLength: full.length,
      ...opt('byline', plain(parsed.byline ?? '')),
      ...opt('site', plain(parsed.siteName ?? '')),
      ...opt('published', published),
      ...opt('url', url ?? ''),
      ...opt('lang', lang),
    };
    return { ok: true, article, notices };
  } catch (error) {
    return { ok: false, problem: { code: 'failed', message: `The article could not be read: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

const opt = <K extends string>(key: K, value: string): { [P in K]?: string } =>
  (value ? { [key]: value } : {}) as { [P in K]?: string };

/** Text only: markup written inside a title ("<b>Breaking</b>") is dropped, whitespace collapsed. */
export function plain(s: string): string {
  return s.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

/** The first <time datetime> of the page, when no meta tag or JSON-LD gave a date. */
function timeDatetime(doc: Document): string {
  return plain(doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? '');
}

/** Plain text of a subtree: a blank line between blocks, one line break for <br>, spaces collapsed. */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      // Soft hyphens and zero-width marks are invisible on the page: drop them so names read whole.
      parts.push((node.nodeValue ?? '').replace(/[\u00AD\u200B-\u200D\uFEFF]/g, '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return;
    const name = node.nodeType === 1 ? (node as Element).localName : '';
    if (name === 'script' || name === 'style' || name === 'noscript' || name === 'template') return;
    if (name === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(name);
    if (block) parts.push('\n\n');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
