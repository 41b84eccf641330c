// The loader's gate (utils/engine/word-gate.ts, utils/engine/gate-words.ts): it must never leave a frame alone
// where the engine would find a candidate of a core actor. Held to the engine three ways: its reading of
// every BMP code unit against the engine's classes and folds; every alias of the built-in bases, written
// as pages write names (cases, possessives, glued suffixes, soft hyphens, table cells with no space), read
// whenever the engine considers a candidate there; and prose with none of the words, left alone.
import { describe, expect, it } from 'vitest';
import { compileMatcher, explainMentions } from '../../utils/engine';
import { CLS_IGNORE, CLS_MARK, CLS_WORD, charClass, foldCode } from '../../utils/engine/normalise';
import { gateWords } from '../../utils/engine/gate-words';
import { BUILT_IN_BASES } from '../../utils/factbase/generated/match';
import { GATE_SEPARATOR, GATE_UNKNOWN, PIECE_BREAK, gateFold, gateOf, readStoredGate, storedGate, wordHash, type WordGate } from '../../utils/engine/word-gate';
import { WordGateReader, textMayMention } from '../../utils/engine/gate-reader';

const matcher = compileMatcher(BUILT_IN_BASES);
const words = gateWords(matcher);
const gate: WordGate = gateOf(words.any, words.cased);

const PIECE_BREAK_CHAR = String.fromCharCode(PIECE_BREAK);
const asString = (f: number | string) => (typeof f === 'string' ? f : f < 0 ? '' : String.fromCharCode(f));

/** Whether the pieces, read one after another as text nodes are, could hold a mention. */
const piecesMayMention = (pieces: string[], g: WordGate = gate) => {
  const reader = new WordGateReader(g);
  return pieces.some((p) => reader.read(p)) || reader.finish();
};

describe("the gate's reading of characters", () => {
  it('splits and folds every BMP code unit as the engine does, or calls it unknown', () => {
    const wrong: string[] = [];
    let folded = 0;
    let separators = 0;
    for (let c = 0; c < 0x10000; c++) {
      const g = gateFold(c);
      const cls = charClass(c);
      const engine = asString(foldCode(c));
      const hex = `U+${c.toString(16).padStart(4, '0')}`;
      if (g === GATE_UNKNOWN) continue;
      if (g === GATE_SEPARATOR) {
        separators++;
        // Never part of a word, and its fold brings no letter into a key either ("™" folds to "tm").
        const wordy = [...engine].some((ch) => [CLS_WORD, CLS_MARK].includes(charClass(ch.charCodeAt(0))));
        if (cls === CLS_WORD || cls === CLS_MARK || cls === CLS_IGNORE || wordy) wrong.push(`${hex} is a separator to the gate only`);
      } else {
        folded++;
        if (g === '' ? engine !== '' : engine !== g || cls !== CLS_WORD) wrong.push(`${hex}: gate ${JSON.stringify(g)}, engine ${JSON.stringify(engine)} (class ${cls})`);
      }
    }
    expect(wrong).toEqual([]);
    // The ASCII letters and digits, Latin, Greek and Cyrillic letters; spaces, punctuation and symbols.
    expect(folded).toBeGreaterThan(1400);
    expect(separators).toBeGreaterThan(10_000);
  });

  it('takes only words it can read back: each gate word folds to itself', () => {
    for (const w of [...words.any, ...words.cased]) {
      expect([...w].every((ch) => gateFold(ch.charCodeAt(0)) === ch), w).toBe(true);
    }
  });
});

describe('the gate words of the built-in bases', () => {
  it("hold a word of every core actor's alias and none of a peripheral actor alone", () => {
    expect(words.cased).toContain('idlib');
    expect(words.cased).toContain('erdogan'); // folded: "Erdoğan"
    expect(words.cased).toContain('turkey'); // "Republic of Turkey" gives "Turkey", fewer actors share it
    // The United States, the UN and Trump are peripheral: a page naming only them marks nothing.
    for (const w of ['us', 'un', 'trump', 'donald']) expect([...words.any, ...words.cased], w).not.toContain(w);
  });
});

describe('a page with a name of a core actor is always read', () => {
  const core = new Set(matcher.actors.map((a, i) => (a.peripheral === true ? -1 : i)).filter((i) => i >= 0));
  /**
   * Whether the engine considers a candidate of a core actor anywhere in the text that the page's decision could
   * still keep: any but one its case rule turned down ("august ceasefire" for "August ceasefire"), which no
   * rule of the document pass takes back.
   */
  const engineConsiders = (text: string) =>
    explainMentions(text, matcher).some((d) => d.rule !== 'case' && core.has(matcher.actors.findIndex((a) => a.id === d.actorId)));

  const aliases = matcher.actors.flatMap((a) => (a.peripheral === true ? [] : a.aliases.map((x) => x.text)));
  /** The ways pages write a name. */
  const surfaces = (alias: string): string[] => [
    alias,
    alias.toUpperCase(),
    alias.toLowerCase(),
    `${alias}\u2019s`,
    `${alias}'ın`,
    `${alias.toUpperCase()}IN`,
    alias.replace(/(\p{L})(\p{L})/u, '$1\u00ad$2'),
    alias.normalize('NFD'),
  ];

  it('in a sentence, every way of writing each alias the engine would consider', () => {
    const missed: string[] = [];
    let considered = 0;
    for (const alias of aliases) {
      for (const surface of surfaces(alias)) {
        for (const text of [`On Tuesday ${surface} said so.`, `Bir gün ${surface} ve bakan için dedi.`]) {
          if (!engineConsiders(text)) continue;
          considered++;
          if (!textMayMention(text, gate)) missed.push(text);
        }
      }
    }
    expect(missed).toEqual([]);
    expect(considered).toBeGreaterThan(aliases.length); // the engine considers most of them: the check bites
  });

  it('where text nodes meet with no space between them (table cells, list items) or split a name', () => {
    const missed: string[] = [];
    for (const alias of aliases) {
      if (!engineConsiders(alias)) continue;
      if (!piecesMayMention(['Header', alias, 'Footer'])) missed.push(`cells: ${alias}`);
      const half = Math.ceil(alias.length / 2);
      if (!piecesMayMention(['In ', alias.slice(0, half), alias.slice(half), ' today'])) missed.push(`split: ${alias}`);
      // The same pieces joined into one read, as the page's walk hands them over.
      if (!textMayMention(['Header', alias, 'Footer'].join(PIECE_BREAK_CHAR), gate)) missed.push(`joined cells: ${alias}`);
      if (!textMayMention(['x', 'y', alias.slice(0, half), alias.slice(half), 'z'].join(PIECE_BREAK_CHAR), gate)) missed.push(`joined split: ${alias}`);
    }
    expect(missed).toEqual([]);
  });
});

describe('a page with none of the words is left alone', () => {
  it('plain prose, lower-case words of the gate that want a capital, and names of peripheral actors', () => {
    const prose =
      'The committee met on Tuesday morning to review the plans for the new library. Several residents asked whether ' +
      'the building would keep the old reading room. \u201cIt will,\u201d said the architect \u2014 the design keeps the tall windows.';
    expect(textMayMention(prose, gate)).toBe(false);
    expect(textMayMention('a turkey for dinner and an idle moscow mule', gate)).toBe(false);
    expect(textMayMention('President Donald Trump spoke at the UN about US trade.', gate)).toBe(false);
    // Emoji, currency and private-use icons are separators, not unknown words.
    expect(textMayMention('Shop now \u{1F600} for \u20ac5 \ue001 today', gate)).toBe(false);
  });

  it('but a word it cannot fold (another script) lets the page through: the app decides', () => {
    expect(textMayMention('The page offers \u4e2d\u6587 and more.', gate)).toBe(true);
    expect(textMayMention('A word in Arabic: \u0627\u0644\u0639\u0631\u0628\u064a\u0629', gate)).toBe(true);
  });

  it('and a gate word only counts where it is a word', () => {
    expect(textMayMention('Idlib', gate)).toBe(true);
    expect(textMayMention('Idli and idlibs', gate)).toBe(false);
    expect(textMayMention('IDLIBIN', gate)).toBe(true); // a capitalised word less a glued suffix
    expect(textMayMention('idlibin', gate)).toBe(false); // the engine tries suffixes at capitalised words only
  });
});

describe('the stored gate', () => {
  it('holds words, and their hashes for the code-unit reader', () => {
    expect(wordHash('idlib')).not.toBe(wordHash('idleb'));
    expect(textMayMention('Idleb', gateOf([], ['idleb']))).toBe(true);
    expect(gateOf(['idlib'], ['russia']).hashed()).toEqual({ any: new Set([wordHash('idlib')]), cased: new Set([wordHash('russia')]) });
  });

  it('is used only when it has its shape and this build\'s stamp', () => {
    const stored = storedGate('s', ['idlib', 'erdogan'], ['russia']);
    expect(stored.candidates).toBe('(?<![a-z0-9])(?:idlib|erdogan|russia)');
    const read = readStoredGate(stored, 's');
    expect(read?.candidates?.source).toBe(stored.candidates);
    expect(read && { any: read.any, cased: read.cased, byPrefix: read.byPrefix }).toEqual({
      any: new Set(['idlib', 'erdogan']),
      cased: new Set(['russia']),
      byPrefix: new Map([['idli', ['idlib']], ['erdo', ['erdogan']], ['russ', ['russia']]]),
    });
    expect(readStoredGate({ stamp: 'old', any: ['idlib'], cased: [] }, 's')).toBeNull();
    expect(readStoredGate({ stamp: 's', any: [1], cased: [] }, 's')).toBeNull(); // hashes: a gate of the format before
    expect(readStoredGate({ stamp: 's', any: [''], cased: [] }, 's')).toBeNull();
    expect(readStoredGate({ stamp: 's', any: 'a', cased: [] }, 's')).toBeNull();
    expect(readStoredGate(undefined, 's')).toBeNull();
    // Without its candidates' expression (the format before), or with one that does not compile: the app decides.
    expect(readStoredGate({ stamp: 's', any: ['idlib'], cased: [] }, 's')).toBeNull();
    expect(readStoredGate({ ...stored, candidates: '(?:idlib' }, 's')).toBeNull();
    expect(storedGate('s', ['συρια'], []).candidates).toBe('');
    expect(readStoredGate(storedGate('s', ['συρια'], []), 's')?.candidates).toBeNull();
  });
});
