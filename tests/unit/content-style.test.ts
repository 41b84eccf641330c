import { ACTOR_KINDS } from '../../utils/factbase/types';
// The content script's stylesheet is generated (scripts/build-content-css.ts) from markStylesheet(): the file
// in the tree must be what the generator writes now, every look of every palette colour included.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARK_PALETTE, MARK_VARIANTS, highlightName, markStylesheet } from '../../utils/page/mark-styles';
import { FLASH_HIGHLIGHT } from '../../utils/page/flash';

const file = path.resolve(import.meta.dirname, '../../entrypoints/content/style.css');

describe('content-script stylesheet', () => {
  it('is the generated stylesheet (run `npm run prebuild` after changing the marks)', () => {
    expect(readFileSync(file, 'utf8')).toBe(markStylesheet());
  });

  it('holds one ::highlight() rule per look, kind and palette colour, and nothing that matches page elements', () => {
    const rules = markStylesheet().split('\n').filter((l) => l !== '' && !l.startsWith('/*'));
    const expected = [
      ...new Set(MARK_VARIANTS.flatMap((v) => ACTOR_KINDS.flatMap((k) => MARK_PALETTE.map((c) => highlightName(v, c, k))))),
      FLASH_HIGHLIGHT,
    ];
    expect(rules.length).toBe(expected.length);
    const names = rules.map((r) => /^::highlight\(([^)]+)\) \{ [^{}]+; \}$/.exec(r)?.[1]);
    expect([...names].sort()).toEqual([...expected].sort());
  });
});
