import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_PAGES } from '../../scripts/lib/paths';
import { parseHTML } from 'linkedom';
import { blockText, extractArticle, plain } from '../../utils/drafter/extract';
import { MAX_ARTICLE_CHARS } from '../../utils/drafter/limits';

const docOf = (html: string) => parseHTML(html).document as unknown as Document;
const PARAGRAPH =
  'The council met on Monday in the old town hall to discuss the budget for the coming year, and members argued ' +
  'for hours about the cost of the new bridge across the river, which engineers say is needed before winter. ';
const page = (head: string, body: string) => `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
const article = (n: number) => `<article>${Array.from({ length: n }, (_, i) => `<p>${i}. ${PARAGRAPH}</p>`).join('')}</article>`;

describe('extractArticle', () => {
  it.skipIf(!existsSync(SHARED_PAGES))('reads a real news page: title, byline, date, and paragraphs separated by blank lines', () => {
    const html = readFileSync(path.join(SHARED_PAGES, 'nytimes-1.html'), 'utf8');
    const result = extractArticle(docOf(html));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.title).toBe('United States to Lift Sudan Sanctions');
    expect(result.article.byline).toBe('Jeffrey Gettleman');
    expect(result.article.published).toMatch(/^2017-01-13/);
    expect(result.article.text).toContain('Sudan is one of the poorest, most isolated and most violent countries in Africa');
    expect(result.article.text.split('\n\n').length).toBeGreaterThan(10);
    expect(result.article.truncated).toBe(false);
  });

  it('never changes the document it is given', () => {
    const doc = docOf(page('<title>Budget</title>', `<nav><a href="/">Home</a></nav>${article(8)}<footer>c</footer>`));
    const before = doc.documentElement.outerHTML;
    expect(extractArticle(doc).ok).toBe(true);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('keeps a title as text only, even with markup written in it', () => {
    const doc = docOf(page('<title>&lt;b&gt;Breaking:&lt;/b&gt; Council   approves &lt;i&gt;bridge&lt;/i&gt;</title>', article(8)));
    const result = extractArticle(doc);
    expect(result.ok && result.article.title).toBe('Breaking: Council approves bridge');
    expect(plain('<script>alert(1)</script>Hi')).toBe('alert(1)Hi');
  });

  it('takes the date from meta tags, else from JSON-LD, else from <time datetime>', () => {
    const meta = extractArticle(docOf(page('<title>T</title><meta property="article:published_time" content="2020-05-01T08:00:00Z">', article(8))));
    expect(meta.ok && meta.article.published).toBe('2020-05-01T08:00:00Z');
    const ld = extractArticle(docOf(page('<title>T</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"T","datePublished":"2021-02-03"}</script>', article(8))));
    expect(ld.ok && ld.article.published).toBe('2021-02-03');
    const time = extractArticle(docOf(page('<title>T</title>', `<time datetime="2022-03-04">4 March</time>${article(8)}`)));
    expect(time.ok && time.article.published).toBe('2022-03-04');
  });

  it('refuses a page that is not an article, and one whose main text is too short, with a message', () => {
    const nav = extractArticle(docOf(page('<title>Home</title>', '<ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul>')));
    expect(nav.ok || nav.problem.code).toBe('not-article');
    const short = extractArticle(docOf(page('<title>T</title>', `<article><p>${PARAGRAPH}</p></article>`)), { skipReaderableCheck: true });
    expect(short.ok || short.problem.code).toMatch(/too-short|not-article/);
    if (!short.ok) expect(short.problem.message).toMatch(/article/);
  });

  it('cuts a huge article at the limit and says so', () => {
    const result = extractArticle(docOf(page('<title>Long</title>', article(1200))));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.fullLength).toBeGreaterThan(MAX_ARTICLE_CHARS);
    expect(result.article.text.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    expect(result.article.truncated).toBe(true);
    expect(result.notices[0]).toMatch(/only its first/);
  });

  it('turns blocks into paragraphs and drops invisible soft hyphens', () => {
    const doc = docOf('<div><p>One\u00ADtwo  three</p><p>Four<br>five</p><script>x()</script></div>');
    expect(blockText(doc.querySelector('div')!)).toBe('Onetwo three\n\nFour\nfive');
  });
});
