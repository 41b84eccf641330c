// @vitest-environment happy-dom
// A giant block (one text node of about 2 MB here; 20 MB in the browser) is handed to the engine in windows
// of FIND_WINDOW characters with FIND_OVERLAP of context each side, between which the scanner yields: no
// engine call sees more than a window, no mention is lost or counted twice at a window's edge, on the first
// scan and after an in-place edit.
import { afterEach, describe, expect, it } from 'vitest';
import type { Mention } from '../../utils/engine/types';
import { FIND_OVERLAP, FIND_WINDOW, PageScanner } from '../../utils/page/scanner';
import { compileMatcher } from '../../utils/engine';
import { FACT_BASES } from '../../utils/factbase/generated';

const NAME = 'Idlib';
let scanner: PageScanner | undefined;
afterEach(() => scanner?.stop());

/** Every whole-word occurrence of NAME (a word boundary on both sides), as the engine would report it. */
function find(text: string): Mention[] {
  const out: Mention[] = [];
  const re = /(?<![A-Za-z])Idlib(?![A-Za-z])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + NAME.length, actorId: 'idlib', surface: NAME });
  return out;
}

/** Text of about `size` characters with NAME at known offsets, some straddling window edges. */
function giantText(size: number): { text: string; starts: number[] } {
  const chars = new Array<string>(size).fill('x');
  for (let i = 0; i < size; i += 7) chars[i] = ' ';
  const starts: number[] = [];
  const put = (at: number) => {
    if (at < 1 || at + NAME.length + 1 >= size || starts.some((s) => Math.abs(s - at) < NAME.length + 2)) return;
    chars[at - 1] = ' ';
    for (let k = 0; k < NAME.length; k++) chars[at + k] = NAME[k]!;
    chars[at + NAME.length] = ' ';
    starts.push(at);
  };
  for (let w = FIND_WINDOW; w < size; w += FIND_WINDOW) for (const d of [-3, -1, 0, 2]) put(w + d);
  for (let at = 1000; at < size; at += 4999) put(at);
  return { text: chars.join(''), starts: starts.sort((a, b) => a - b) };
}

const startsOf = (s: PageScanner) => s.ordered.flatMap((r) => r.mentions.map((m) => m.blockStart)).sort((a, b) => a - b);

describe('giant text blocks', () => {
  it('are matched in windows that yield, with every mention found once', async () => {
    const { text, starts } = giantText(2_000_000);
    document.body.innerHTML = '<p id="big"></p>';
    document.getElementById('big')!.append(text);
    let changes = 0;
    scanner = new PageScanner({ root: document, find, kindOf: () => 'place', onChange: () => changes++, sliceMs: 1, batchMs: 600_000 }); // only the explicit pass below
    await scanner.start();
    expect(startsOf(scanner)).toEqual(starts);
    expect(scanner.longestFindChars).toBeLessThanOrEqual(FIND_WINDOW + 2 * FIND_OVERLAP);
    expect(scanner.longestFindChars).toBeGreaterThan(FIND_WINDOW); // windows, not the whole block

    // An edit in place: the block is matched again, window by window, and the offsets follow the edit.
    const node = document.getElementById('big')!.firstChild as Text;
    node.insertData(8, 'Idlib '); // after the space at 7
    await new Promise((r) => setTimeout(r, 0)); // the observer's records arrive
    await scanner.processMutations();
    expect(startsOf(scanner)).toEqual([8, ...starts.map((s) => s + 6)]);
    expect(scanner.longestFindChars).toBeLessThanOrEqual(FIND_WINDOW + 2 * FIND_OVERLAP);
    expect(changes).toBeGreaterThan(0);
  }, 60_000);

  it("decides the page in steps inside the slices: a giant block's thousands of candidates and marks never in one go", async () => {
    // About 2 MB, one mention of the story every 2 KB, as the browser test's 20 MB block.
    const unit = 'Fighting continues in Idlib province. ' + 'quiet words '.repeat(167);
    const repeat = 1000;
    document.body.innerHTML = '<p id="big"></p>';
    document.getElementById('big')!.append(unit.repeat(repeat));
    // sliceMs 0: every check of the clock ends the slice, so each step of work is a slice of its own.
    scanner = new PageScanner({ root: document, matcher: compileMatcher(FACT_BASES), kindOf: () => 'place', onChange: () => {}, sliceMs: 0, batchMs: 600_000 });
    await scanner.start();
    expect(startsOf(scanner)).toHaveLength(repeat);
    // The decision yields every 256 candidates and the marks are indexed 256 at a time: with a step per
    // slice, deciding 1,000 candidates and indexing 1,000 marks takes many slices, not one.
    expect(scanner.pass.decisionSteps).toBeGreaterThanOrEqual(repeat / 256);
    const node = document.getElementById('big')!.firstChild as Text;
    node.insertData(0, 'Idlib. ');
    await new Promise((r) => setTimeout(r, 0));
    await scanner.processMutations();
    expect(startsOf(scanner)).toHaveLength(repeat + 1);
    expect(scanner.pass.decisionSteps).toBeGreaterThanOrEqual(repeat / 256);
  }, 60_000);

  it('a small block is still one engine call', async () => {
    document.body.innerHTML = '<p>Fighting in Idlib today.</p>';
    scanner = new PageScanner({ root: document, find, kindOf: () => 'place', onChange: () => {} });
    await scanner.start();
    expect(startsOf(scanner)).toEqual([12]);
    expect(scanner.longestFindChars).toBe('Fighting in Idlib today.'.length);
  });
});
