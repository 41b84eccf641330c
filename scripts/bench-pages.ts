// The pages `npm run bench` measures: wikipedia-2.html as saved, and a page of about 1 MB of text
// assembled from the bodies of the shared real pages (../shared/fixtures/pages). Both are served from
// memory on 127.0.0.1 with a CSP that blocks every load from elsewhere, so no run waits on the network.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const WIKIPEDIA_PAGE = 'wikipedia-2.html';
export const LARGE_PAGE = 'assembled-1mb.html';
/** Saved news pages measured as they are, beside wikipedia-2: about 95k and 55k characters of text. */
export const NEWS_PAGES = [
  { key: 'nytimes-1', file: 'nytimes-1.html' },
  { key: 'news-55k', file: 'medicalnewstoday.html' },
] as const;
/** The page of the "first marks" figure: the bench page nearest 100 KB of text (nytimes-1, ~95k chars). */
export const FIRST_MARK_PAGE = 'nytimes-1';
/** Text (in characters) the assembled page aims at. */
export const LARGE_PAGE_TEXT = 1_000_000;

/** Loads allowed from the serving origin only; inline scripts allowed so the peers can be injected. */
export const BENCH_CSP = "default-src 'self' 'unsafe-inline' data: blob:";

// Parts of a saved page that would run code or fetch things: gone from the assembled page.
const STRIP = [
  /<script\b[\s\S]*?<\/script\s*>/gi,
  /<noscript\b[\s\S]*?<\/noscript\s*>/gi,
  /<style\b[\s\S]*?<\/style\s*>/gi,
  /<iframe\b[\s\S]*?<\/iframe\s*>/gi,
  /<template\b[\s\S]*?<\/template\s*>/gi,
  /<(?:link|meta|base|img|source|video|audio|embed|object|input)\b[^>]*>/gi,
  /\son[a-z]+\s*=\s*(?:"[^"]*"|'[^']*')/gi,
];

function bodyOf(html: string): string {
  const open = /<body\b[^>]*>/i.exec(html);
  const start = open ? open.index + open[0].length : 0;
  const close = html.search(/<\/body\s*>/i);
  let body = html.slice(start, close > start ? close : html.length);
  for (const re of STRIP) body = body.replace(re, ' ');
  return body;
}

/** A rough count of the text an HTML fragment shows (tags dropped, entities counted as one). */
function roughTextLength(html: string): number {
  return html.replace(/<[^>]*>/g, '').replace(/&[#a-z0-9]+;/gi, '_').length;
}

export interface AssembledPage {
  html: string;
  sources: string[];
  roughText: number;
}

/**
 * Concatenates the bodies of the shared pages (largest first, each once, repeated in the same order if
 * needed) until about `target` characters of text. Returns null when the shared folder is absent.
 */
export function assembleLargePage(sharedDir: string, target = LARGE_PAGE_TEXT): AssembledPage | null {
  if (!existsSync(sharedDir)) return null;
  const files = readdirSync(sharedDir)
    .filter((f) => f.endsWith('.html') && f !== WIKIPEDIA_PAGE)
    .sort();
  const bodies = files
    .map((f) => ({ file: f, body: bodyOf(readFileSync(path.join(sharedDir, f), 'utf8')) }))
    .map((b) => ({ ...b, text: roughTextLength(b.body) }))
    .filter((b) => b.text > 0)
    .sort((a, b) => b.text - a.text || a.file.localeCompare(b.file));
  if (bodies.length === 0) return null;
  const parts: string[] = [];
  const sources: string[] = [];
  let total = 0;
  for (let i = 0; total < target; i++) {
    const b = bodies[i % bodies.length]!;
    parts.push(`<section data-source="${b.file}">${b.body}</section>`);
    sources.push(b.file);
    total += b.text;
  }
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Factlens bench: about 1 MB of text</title></head>' +
    `<body>${parts.join('\n')}</body></html>`;
  return { html, sources, roughText: total };
}
