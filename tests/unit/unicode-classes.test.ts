// The generated class table (utils/engine/unicode-classes.ts) against this Node's Unicode regular
// expressions, for every BMP code unit: it fails when the table is stale (another Unicode version) or the
// engine reads it wrong.
import { describe, expect, it } from 'vitest';
import { CLASS_RUNS, UNICODE_VERSION } from '../../utils/engine/unicode-classes';
import { CLS_APOS, CLS_HYPHEN, CLS_IGNORE, CLS_WORD, charClass, foldCode, isLetterCode, isLetterOrNumberCode } from '../../utils/engine/normalise';
import { LETTER, NUMBER, classRuns, regexClass } from '../../scripts/build-unicode-classes';

describe('unicode class table', () => {
  it('is the one this Node makes (else run scripts/build-unicode-classes.ts)', () => {
    expect(`${UNICODE_VERSION}: ${JSON.stringify(CLASS_RUNS) === JSON.stringify(classRuns()) ? 'current' : 'stale'}`).toBe(`${process.versions.unicode}: current`);
  });

  it('classes every BMP code unit as the regular expressions do (apostrophes, hyphens and ignorables aside)', () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const cls = charClass(code);
      if (cls === CLS_APOS || cls === CLS_HYPHEN || cls === CLS_IGNORE) continue;
      const expected = regexClass(code);
      if (cls !== (expected === LETTER || expected === NUMBER ? CLS_WORD : expected)) wrong.push(code.toString(16));
      if (isLetterCode(code) !== (expected === LETTER)) wrong.push(`letter ${code.toString(16)}`);
      if (isLetterOrNumberCode(code) !== (expected === LETTER || expected === NUMBER)) wrong.push(`letter or number ${code.toString(16)}`);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it('folds accented letters and drops marks without a regular expression', () => {
    expect(foldCode('É'.charCodeAt(0))).toBe('e'.charCodeAt(0));
    expect(foldCode('ş'.charCodeAt(0))).toBe('s'.charCodeAt(0));
    expect(foldCode('\u0301'.charCodeAt(0))).toBe(-1);
    expect(foldCode('ß'.charCodeAt(0))).toBe('ss');
    expect(foldCode('İ'.charCodeAt(0))).toBe('i'.charCodeAt(0));
    expect(foldCode('Ω'.charCodeAt(0))).toBe('ω'.charCodeAt(0));
  });
});
