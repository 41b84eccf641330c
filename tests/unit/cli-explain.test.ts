// `factlens scan --explain` with the document pass (issue 12): each mention with the page's reason, then what
// was found but not marked and the page's decision per fact base. Real text: tests/fixtures/texts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleBlocksOfHtml } from '../../cli/scan';
import { runScan } from '../../cli/scan-command';
import { compileMatcher, findDocumentMentions } from '../../utils/engine';
import { FACT_BASE } from '../../utils/factbase/generated/idlib-2019';

const TEXTS = path.resolve(import.meta.dirname, '..', 'fixtures', 'texts');
let dir = '';

async function explain(file: string): Promise<string[][]> {
  let out = '';
  const code = await runScan(['--jobs', '1', '--explain', file], { write: (t: string) => (out += t) }, { write: () => {} });
  expect(code).toBe(0);
  return out.trimEnd().split('\n').map((l) => l.split('\t'));
}

/** A fixture as a page: one <p> per paragraph, as the browser and the CLI read it. */
function pageOf(name: string): { file: string } {
  const blocks = readFileSync(path.join(TEXTS, name), 'utf8').split(/\n[ \t]*\n/).map((b) => b.trim()).filter(Boolean);
  const file = path.join(dir, name.replace(/\.txt$/, '.html'));
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  writeFileSync(file, blocks.map((b) => `<p>${escape(b)}</p>`).join('\n'));
  return { file };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'factlens-explain-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('factlens scan --explain', () => {
  it('a page about another Trump: nothing marked, each Trump found says why not, and the base says why', async () => {
    const { file } = pageOf('fred-trump-live.txt');
    const text = readFileSync(file, 'utf8');
    // Only the Fred Trump part of the live page.
    writeFileSync(file, text.slice(0, text.indexOf('<p>US President Donald Trump')));
    const lines = await explain(file);
    const marked = lines.filter((l) => !l[4]!.startsWith('Not marked'));
    expect(marked).toEqual([]);
    const trumps = lines.filter((l) => l[2]!.includes('Trump'));
    expect(trumps.length).toBeGreaterThan(3);
    expect(trumps.every((l) => /^\d+-\d+$/.test(l[1]!) && l[4]!.startsWith('Not marked'))).toBe(true);
    const base = lines.filter((l) => l[1] === '-');
    expect(base).toHaveLength(1);
    expect(base[0]![3]).toBe(FACT_BASE.source.title);
    expect(base[0]![4]).toMatch(/^Not marked: this page names only /);
  });

  it('a page about the story: every mention says why, with the same mentions as the document pass', async () => {
    const { file } = pageOf('fred-trump-live.txt');
    const lines = await explain(file);
    const blocks = visibleBlocksOfHtml(readFileSync(file, 'utf8'));
    const doc = findDocumentMentions(blocks, compileMatcher([FACT_BASE]));
    const marked = lines.filter((l) => l[1] !== '-' && !l[4]!.startsWith('Not marked'));
    expect(marked.map((l) => l[2])).toEqual(doc.mentions.flat().map((m) => m.surface));
    expect(marked.every((l) => l[4]!.startsWith('Marked because this page is about'))).toBe(true);
    // The later bare "Mr Trump" goes to Donald Trump, the nearest full name before it.
    expect(marked.some((l) => l[2] === 'Trump' && /nearest full name on this page is (US )?(President )?Donald Trump/.test(l[4]!))).toBe(true);
    // Offsets index the page's visible text (blocks joined by a blank line).
    const visible = blocks.join('\n\n');
    for (const l of marked) {
      const [start, end] = l[1]!.split('-').map(Number);
      expect(visible.slice(start, end)).toBe(l[2]);
    }
    expect(lines.filter((l) => l[1] === '-').map((l) => l[4]!.slice(0, 32))).toEqual(['Marked because this page is abou']);
  });
});
