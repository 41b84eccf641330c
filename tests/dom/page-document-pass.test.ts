// @vitest-environment happy-dom
// The scanner with the document pass (issue 12): a page decided as a whole, and a live page repainted in
// proportion to what changed. Real text: tests/fixtures/texts/fred-trump-live.txt (its README says where from).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileMatcher, findDocumentMentions } from '../../utils/engine';
import { FACT_BASE } from '../../utils/factbase/generated/idlib-2019';
import { PageMentionIndex } from '../../utils/page/mention-index';
import { FIND_OVERLAP, FIND_WINDOW, PageScanner } from '../../utils/page/scanner';
import type { PageMention } from '../../utils/page/types';
import { DEFAULT_SETTINGS } from '../../utils/settings/schema';

const matcher = compileMatcher([FACT_BASE]);
const kinds = new Map(FACT_BASE.actors.map((a) => [a.id, a.kind]));
const blocks = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'texts', 'fred-trump-live.txt'), 'utf8')
  .split(/\n[ \t]*\n/)
  .map((b) => b.trim())
  .filter((b) => b.length > 0);
const article = blocks.findIndex((b) => b.startsWith('US President Donald Trump'));

const paragraph = (text: string) => {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
};

let scanner: PageScanner | undefined;
afterEach(() => {
  scanner?.stop();
  document.body.innerHTML = '';
});

async function scan(texts: readonly string[]) {
  document.body.replaceChildren(...texts.map(paragraph));
  scanner = new PageScanner({ root: document, matcher, kindOf: (id) => kinds.get(id), onChange: () => {}, batchMs: 0 });
  const index = new PageMentionIndex(scanner, document, { kinds: DEFAULT_SETTINGS.kinds, firstMentionOnly: false });
  await scanner.start();
  index.refresh();
  return { scanner, index };
}

const paragraphOf = (m: PageMention) => [...document.body.children].indexOf(m.range.startContainer.parentElement!);
const rows = (ms: readonly PageMention[]) => ms.map((m) => [paragraphOf(m), m.blockStart, m.actorId]);

describe('the scanner decides the page as a whole', () => {
  it('marks no Trump on a page about Fred Trump, though each block alone would', async () => {
    const { index } = await scan(blocks.slice(0, article));
    expect(index.all()).toEqual([]);
    expect(scanner!.pass.bases[0]!.about).toBe(false);
    expect(scanner!.pass.unmarked).toBeGreaterThan(5);
  });

  it('marks what the command line marks, mention for mention', async () => {
    const { index } = await scan(blocks);
    const doc = findDocumentMentions(blocks, matcher);
    const expected = doc.mentions.flatMap((ms, i) => ms.map((m) => [i, m.start, m.actorId]));
    expect(expected.length).toBeGreaterThan(10);
    expect(rows(index.all())).toEqual(expected);
    // Each mention says why, from the page's decision.
    expect(index.all()[0]!.why).toMatch(/^Marked because this page is about “Trump calls for Moscow/);
  });

  it('repaints the earlier blocks the live story changes, and only those, when it is appended', async () => {
    const { scanner: s, index } = await scan(blocks.slice(0, article));
    const before = new Map([...document.body.children].map((p, i) => [i, s.recordOf(p.firstChild as Text)]));
    document.body.append(...blocks.slice(article).map(paragraph));
    await new Promise((r) => setTimeout(r, 0));
    await s.processMutations();
    index.refresh();
    const doc = findDocumentMentions(blocks, matcher);
    expect(rows(index.all())).toEqual(doc.mentions.flatMap((ms, i) => ms.map((m) => [i, m.start, m.actorId])));
    // Of the old paragraphs, only the one whose marks changed ("businessman Donald Trump", "United States")
    // has a record now; the others were not repainted.
    const changedOld = [...before.keys()].filter((i) => s.recordOf(document.body.children[i]!.firstChild as Text) !== before.get(i));
    expect(changedOld).toEqual([blocks.findIndex((b) => b.includes('businessman Donald Trump'))]);
    const newWithMarks = doc.mentions.slice(article).filter((ms) => ms.length > 0).length;
    expect(s.pass.lastRepaint).toBe(1 + newWithMarks);
  });
});

describe('a giant block (read in windows) takes part in the page decision', () => {
  // One text node longer than three windows: the filler keeps the names apart across window edges.
  const giant = (texts: readonly string[]) => {
    const filler = ' ' + 'lorem ipsum dolor sit amet. '.repeat(Math.ceil((4 * FIND_WINDOW) / 28 / Math.max(1, texts.length - 1)));
    const text = texts.join(filler);
    expect(text.length).toBeGreaterThan(3 * FIND_WINDOW);
    return text;
  };

  it('marks no Trump in one giant text about Fred Trump, decided from all its windows', async () => {
    const { index } = await scan([giant(blocks.slice(0, article))]);
    expect(scanner!.longestFindChars).toBeLessThanOrEqual(FIND_WINDOW + 2 * FIND_OVERLAP);
    expect(index.all()).toEqual([]);
    expect(scanner!.pass.bases[0]!.about).toBe(false);
    expect(scanner!.pass.unmarked).toBeGreaterThan(5);
  });

  it('marks the story in one giant text, each mention once, offsets in the block', async () => {
    const story = readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'articles', 'idlib-2019.txt'), 'utf8')
      .split(/\n[ \t]*\n/)
      .map((b) => b.trim())
      .filter((b) => b.length > 0);
    const text = giant(story);
    const { index } = await scan([text]);
    expect(scanner!.longestFindChars).toBeLessThanOrEqual(FIND_WINDOW + 2 * FIND_OVERLAP);
    expect(scanner!.longestFindChars).toBeGreaterThan(FIND_WINDOW);
    const marks = index.all();
    const whole = findDocumentMentions([text], matcher).mentions[0]!;
    expect(marks.length).toBeGreaterThan(10);
    expect(new Set(marks.map((m) => m.blockStart)).size).toBe(marks.length);
    for (const m of marks) expect(text.slice(m.blockStart, m.blockEnd)).toBe(m.surface);
    expect(new Set(marks.map((m) => m.actorId))).toEqual(new Set(whole.map((m) => m.actorId)));
    expect(scanner!.pass.bases[0]!.about).toBe(true);
  });
});
