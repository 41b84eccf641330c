// The gate's two readers (utils/engine/gate-reader.ts reads text that folds to ASCII with the browser's string
// functions; word-gate.ts CodeUnitReader folds every code unit itself) must say the same of every text read
// in the same pieces: random texts of the characters where they could differ, and the shared news pages read
// as the loader reads them (the text between tags, 64 pieces joined per read).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../utils/engine';
import { WordGateReader, asciiFold } from '../../utils/engine/gate-reader';
import { gateWords } from '../../utils/engine/gate-words';
import { CodeUnitReader, MAX_PIECES_PER_WORD, PIECE_BREAK, candidatesSource, gateOf, type WordGate } from '../../utils/engine/word-gate';
import { BUILT_IN_BASES } from '../../utils/factbase/generated/match';
import { SHARED_PAGES } from '../../scripts/lib/paths';
import { rng } from '../../scripts/bench-engine';

const BREAK = String.fromCharCode(PIECE_BREAK);

/** What each reader says of these pieces read one after another (a hit on the way, or at the end). */
function bothSay(pieces: readonly string[], gate: WordGate): [boolean, boolean] {
  const fast = new WordGateReader(gate);
  const slow = new CodeUnitReader(gate.hashed());
  return [pieces.some((p) => fast.read(p)) || fast.finish(), pieces.some((p) => slow.read(p)) || slow.finish()];
}

describe("the gate's reader of ASCII folds", () => {
  it('folds separators to spaces, ignorables to nothing and Latin letters to ASCII with their case', () => {
    expect(asciiFold('plain text')).toBe('plain text');
    expect(asciiFold('Erdoğan\u2019s \u201cplan\u201d \u2014 ERDOĞAN')).toBe('Erdogan s  plan    ERDOGAN');
    expect(asciiFold('Er\u00addo\u200dğan')).toBe('Erdogan');
    expect(asciiFold('Élysée Straße æ ﬁ')).toBe('Elysee Strasse ae fi');
    // Greek, Cyrillic and scripts the gate does not fold have no ASCII form: the code-unit reader reads them.
    expect(asciiFold('Σύρια')).toBeNull();
    expect(asciiFold('Москва')).toBeNull();
    expect(asciiFold('中文')).toBeNull();
  });
});

describe("the ASCII reader's candidates", () => {
  const gate = gateOf(['idlib'], ['russia']);
  const say = (pieces: string[], g: WordGate = gate) => {
    const [fast, slow] = bothSay(pieces, g);
    expect(fast).toBe(slow);
    return fast;
  };
  it('reads the words a candidate points at, whole, as splitting the text into words did', () => {
    expect(say(['Aleppo' + BREAK + 'Russia'])).toBe(true); // a word begins where two pieces meet
    expect(say(['Ru' + BREAK + 'ssia'])).toBe(true); // or runs on over it
    expect(say(['Ru', 'ssia'])).toBe(true); // over two reads
    expect(say(['xRussia idlibs russian'])).toBe(false); // no gate word begins "xRussia"; the others are not capitalised
    expect(say(['the IDLIB'])).toBe(true); // "idlib" counts in any case as a whole word…
    expect(say(['the Idlibs'])).toBe(true); // …and as a capitalised word's stem
    expect(say(['Russians'])).toBe(true);
    expect(say(['a Russia'], gateOf([], []))).toBe(false);
  });
  it('counts a word followed by as many empty pieces as the code-unit reader allows runs', () => {
    expect(say(['Aleppo', ...Array<string>(MAX_PIECES_PER_WORD).fill(''), ' and'])).toBe(true);
    expect(say(['Aleppo', ...Array<string>(MAX_PIECES_PER_WORD - 2).fill(''), ' and'])).toBe(false);
  });
  it('leaves a gate too big for one expression to read every word', () => {
    const many = Array.from({ length: 2000 }, (_, i) => `w${i.toString(36)}x`);
    expect(candidatesSource(many.slice(0, 20)).length).toBeGreaterThan(0);
    expect(candidatesSource(many)).toBe('');
    const big = gateOf(['idlib', ...many], ['russia']);
    expect(big.candidates).toBeNull();
    expect(say(['Aleppo' + BREAK + 'Russia'], big)).toBe(true);
    expect(say(['w1x' + BREAK + 'y', 'w2'], big)).toBe(true);
    expect(say(['xRussia idlibs russian'], big)).toBe(false);
  });
  it('makes no expression that matches nothing (a gate of no ASCII word)', () => {
    const greek = gateOf(['συρια'], []);
    expect(say(['plain text, with no word of it'], greek)).toBe(false);
    expect(greek.candidates).toBeNull();
  });
});

describe('the two readers of the gate', () => {
  it('say the same of random texts, in random pieces', () => {
    const rnd = rng(0x9a7e);
    const alphabet = [...'aabdeilnorsEIRD1 ', ' ', ' ', '\u2019', '-', '.', '\u00ad', '\u200d', 'ğ', 'Ğ', 'é', 'É', 'ß', 'İ', 'ı', 'æ', 'ﬁ', 'σ', 'Σ', 'д', '中', '\u{1F600}', BREAK];
    const vocabulary = ['idlib', 'erdogan', 'erdo', 'dera', 'ab', 'saadi', 'rose', 'liner', 'fin', 'dressa', 'ssa', 'ide', 'd1', 'ae'];
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const differ: string[] = [];
    let hits = 0;
    for (let n = 0; n < 6000; n++) {
      // Text made partly of gate words written in pieces of case, so that hits are common.
      let text = '';
      while (text.length < 5 + rnd() * 60) {
        if (rnd() < 0.3) {
          const w = pick(vocabulary);
          text += rnd() < 0.5 ? w : rnd() < 0.5 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1);
        } else text += pick(alphabet);
      }
      const gate = gateOf(
        vocabulary.filter(() => rnd() < 0.15),
        vocabulary.filter(() => rnd() < 0.2),
      );
      const pieces: string[] = [];
      for (let at = 0; at < text.length; ) {
        const len = 1 + Math.floor(rnd() * 12);
        pieces.push(text.slice(at, at + len));
        at += len;
      }
      const [fast, slow] = bothSay(pieces, gate);
      // The same gate read word by word, as a gate too big for its candidates' expression is.
      const [everyWord] = bothSay(pieces, { ...gate, candidates: null });
      if (fast) hits++;
      if (fast !== slow || everyWord !== slow)
        differ.push(`${JSON.stringify(pieces)} any ${[...gate.any]} cased ${[...gate.cased]}: fast ${fast}, every word ${everyWord}, slow ${slow}`);
    }
    expect(differ.slice(0, 5)).toEqual([]);
    expect(hits).toBeGreaterThan(1000); // both answers are common: the comparison bites
    expect(hits).toBeLessThan(5000);
  });

  it.runIf(existsSync(SHARED_PAGES))('say the same of the shared pages, with the built-in gate and with gates of their own words', () => {
    const builtIn = (() => {
      const w = gateWords(compileMatcher(BUILT_IN_BASES));
      return gateOf(w.any, w.cased);
    })();
    const rnd = rng(0x5eed);
    const differ: string[] = [];
    const said = { hit: 0, none: 0 };
    for (const file of readdirSync(SHARED_PAGES).filter((f) => f.endsWith('.html')).sort()) {
      const html = readFileSync(path.join(SHARED_PAGES, file), 'utf8').replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ');
      const texts = html.split(/<[^>]*>/);
      const reads: string[] = [];
      for (let i = 0; i < texts.length; i += 64) reads.push(texts.slice(i, i + 64).join(BREAK));
      // Gates of a few of the page's own words, folded as the engine keys them: hits anywhere in the page.
      const words = html.replace(/<[^>]*>/g, ' ').split(/[^A-Za-z]+/).filter((w) => w.length > 2);
      const gates = [builtIn];
      for (let g = 0; g < 4 && words.length > 0; g++) {
        const some = Array.from({ length: 3 }, () => words[Math.floor(rnd() * words.length)]!.toLowerCase());
        gates.push(g % 2 ? gateOf(some, []) : gateOf([], some));
      }
      for (const gate of gates) {
        const [fast, slow] = bothSay(reads, gate);
        said[fast ? 'hit' : 'none']++;
        if (fast !== slow) differ.push(`${file}: fast ${fast}, slow ${slow}`);
      }
    }
    expect(differ).toEqual([]);
    expect(said.hit).toBeGreaterThan(50);
    expect(said.none).toBeGreaterThan(20);
  });
});
