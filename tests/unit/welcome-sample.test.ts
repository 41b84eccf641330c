// The welcome page's sample is the article's own words, and its marks show every kind.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS } from '../../utils/factbase/types';
import { markSample, SAMPLE_PARAGRAPHS } from '../../utils/welcome/sample';

const ARTICLE = readFileSync(path.resolve(import.meta.dirname, '../../assets/articles/idlib-2019.txt'), 'utf8');

describe('the welcome sample', () => {
  it('quotes the article verbatim', () => {
    for (const p of SAMPLE_PARAGRAPHS) expect(ARTICLE).toContain(p);
  });

  it('keeps the text whole and marks every kind', () => {
    const kinds = new Set<string>();
    for (const p of SAMPLE_PARAGRAPHS) {
      const segments = markSample(p);
      expect(segments.map((s) => s.text).join('')).toBe(p);
      for (const s of segments) if ('kind' in s) kinds.add(s.kind);
    }
    expect([...kinds].sort()).toEqual([...ACTOR_KINDS].sort());
  });

  it('marks the actors a reader would expect', () => {
    const names = markSample(SAMPLE_PARAGRAPHS[2]).flatMap((s) => ('name' in s ? [s.name] : []));
    expect(names).toEqual(expect.arrayContaining(['Libya', 'Tayyip Erdogan', 'Wagner group', 'Khalifa Haftar']));
  });
});
