// The scan's two loops (utils/engine/index.ts): scanLikelyStarts, which leaves the characters between likely word
// starts to a regular expression, must find what scanEveryStart finds by reading every character: the same
// hits and the same candidates, in the same order. Held on random texts made of the characters where the two
// could differ and of pieces of aliases (so that candidates are common), and on every block of the shared pages
// with the built-in bases and three packs drafted from pages.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../cli/scan';
import { compileMatcher, type Matcher } from '../../utils/engine';
import { scan, scanEveryCharacter, type Considered } from '../../utils/engine/index';
import { draftPack } from '../../utils/drafter/draft';
import { BUILT_IN_BASES } from '../../utils/factbase/generated/match';
import type { CompiledFactBase } from '../../utils/factbase/types';
import { SHARED_PAGES } from '../../scripts/lib/paths';
import { rng } from '../../scripts/bench-engine';

const builtIn = compileMatcher(BUILT_IN_BASES);

/** What each loop finds in the text: its hits and every candidate it considered, as comparable strings. */
function bothFind(text: string, matcher: Matcher): [string, string] {
  const say = (hits: ReturnType<typeof scan>, sink: Considered[]) =>
    JSON.stringify([hits?.map((h) => [h.start, h.end, h.actor, h.verdict.rule]) ?? null, sink.map((c) => [c.start, c.end, c.entry.key, c.verdict.rule])]);
  const likely: Considered[] = [];
  const every: Considered[] = [];
  return [say(scan(text, matcher, null, likely), likely), say(scanEveryCharacter(text, matcher, every), every)];
}

describe('the scan that skips to likely word starts', () => {
  it('finds what the loop over every character finds, in random texts of names and the characters between', () => {
    const rnd = rng(0xfac7);
    const aliases = builtIn.actors.flatMap((a) => a.aliases.map((x) => x.text));
    // Characters where the loops could differ: case, digits, apostrophes, dots, hyphens, soft hyphen, ZWJ,
    // combining marks, accented and Turkish letters, Cyrillic, Arabic (and its attached particles), CJK, emoji.
    const between = [' ', ' ', ' ', '.', ',', "'", '\u2019', '-', '\u00ad', '\u200d', '\u0301', '\u00e9', 'ğ', 'İ', 'ß', 'я', 'و', 'ب', '中', '\ud83d\ude00', '1', 'x', 'Q', '_', '\n\n'];
    const differ: string[] = [];
    let withHits = 0;
    for (let t = 0; t < 4000; t++) {
      let text = '';
      const parts = 1 + Math.floor(rnd() * 8);
      for (let p = 0; p < parts; p++) {
        const alias = aliases[Math.floor(rnd() * aliases.length)]!;
        const roll = rnd();
        text += roll < 0.2 ? alias.toUpperCase() : roll < 0.3 ? alias.toLowerCase() : roll < 0.4 ? alias.slice(0, 1 + Math.floor(rnd() * alias.length)) : alias;
        const glue = Math.floor(rnd() * 3);
        for (let g = 0; g < glue; g++) text += between[Math.floor(rnd() * between.length)]!;
        if (rnd() < 0.3) text += 'said Mr Fred in Turkey’s capital ';
      }
      const [likely, every] = bothFind(text, builtIn);
      if (!likely.startsWith('[null')) withHits++;
      if (likely !== every) differ.push(`${JSON.stringify(text)}\n  likely ${likely}\n  every  ${every}`);
    }
    expect(differ.slice(0, 3)).toEqual([]);
    expect(withHits).toBeGreaterThan(1500); // most texts have hits: the comparison bites
  });

  it('and after a mention, as the loop does: no word starts until a separator', () => {
    for (const text of ['the U.S.Army and Turkey', 'TurkeyTurkey Turkey', 'Erdoğan\u0301s Turkey', 'Syria\u00adTurkey and Syria']) {
      const [likely, every] = bothFind(text, builtIn);
      expect(likely, text).toBe(every);
    }
  });
});

describe.runIf(existsSync(SHARED_PAGES))('on the shared pages', () => {
  const files = existsSync(SHARED_PAGES) ? readdirSync(SHARED_PAGES).filter((f) => f.endsWith('.html')).sort() : [];
  const blocksOf = new Map<string, string[]>();
  const blocks = (file: string) => {
    let list = blocksOf.get(file);
    if (!list) blocksOf.set(file, (list = readHtml(readFileSync(path.join(SHARED_PAGES, file), 'utf8')).blocks));
    return list;
  };

  it('every block of every page: the same with the built-in bases and with three packs drafted from pages', () => {
    const packs: CompiledFactBase[] = [];
    for (const file of files) {
      if (packs.length === 3) break;
      const draft = draftPack(blocks(file).join('\n\n'), { title: file });
      if (draft.ok && draft.pack.actors.length >= 5) packs.push(draft.pack);
    }
    expect(packs).toHaveLength(3);
    const withPacks = compileMatcher([...BUILT_IN_BASES, ...packs]);
    const differ: string[] = [];
    let candidates = 0;
    for (const file of files) {
      for (const text of blocks(file)) {
        for (const matcher of [builtIn, withPacks]) {
          const [likely, every] = bothFind(text, matcher);
          if (likely !== every) differ.push(`${file}: ${JSON.stringify(text.slice(0, 80))}`);
          if (!likely.endsWith('[]]')) candidates++;
        }
      }
    }
    expect(differ.slice(0, 5)).toEqual([]);
    expect(candidates).toBeGreaterThan(500);
  }, 120_000);
});
