// The content script's stylesheet is generated (scripts/lib/content-css.ts) from markStylesheet(), not tracked:
// the generator must write exactly that, every look of every palette colour included, to the file the content
// script imports, and leave a current file alone.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_CSS, writeContentCss } from '../../scripts/lib/content-css';
import { ACTOR_KINDS } from '../../utils/factbase/types';
import { CURRENT_HIGHLIGHT, MARK_PALETTE, MARK_VARIANTS, highlightName, markStylesheet } from '../../utils/page/mark-styles';
import { FLASH_HIGHLIGHT } from '../../utils/page/flash';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'factlens-css-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('content-script stylesheet', () => {
  it('is written by the generator as markStylesheet(), once', () => {
    const target = path.join(scratch, 'style.css');
    expect(writeContentCss(target)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(markStylesheet());
    const written = statSync(target).mtimeMs;
    expect(writeContentCss(target)).toBe(false);
    expect(statSync(target).mtimeMs).toBe(written);
  });

  it('goes to the file the content script imports, which is current (run `npm run prebuild` if not)', () => {
    const entry = readFileSync(path.join(root, 'entrypoints/content/index.ts'), 'utf8');
    expect(entry).toContain(`import './${path.basename(CONTENT_CSS)}';`);
    expect(path.relative(root, CONTENT_CSS)).toBe(path.join('entrypoints', 'content', 'style.css'));
    expect(readFileSync(CONTENT_CSS, 'utf8')).toBe(markStylesheet());
  });

  it('holds one ::highlight() rule per look, kind and palette colour, one for the current mention, and nothing that matches page elements', () => {
    const rules = markStylesheet().split('\n').filter((l) => l !== '' && !l.startsWith('/*'));
    const expected = [
      ...new Set(MARK_VARIANTS.flatMap((v) => ACTOR_KINDS.flatMap((k) => MARK_PALETTE.map((c) => highlightName(v, c, k))))),
      CURRENT_HIGHLIGHT,
      FLASH_HIGHLIGHT,
    ];
    expect(rules.length).toBe(expected.length);
    const names = rules.map((r) => /^::highlight\(([^)]+)\) \{ [^{}]+; \}$/.exec(r)?.[1]);
    expect([...names].sort()).toEqual([...expected].sort());
  });
});
