// The words of the loader's gate (utils/engine/word-gate.ts), made by the background with the frames' record:
// one word of every alias key of a core actor in force, so that a page without any of them can be left alone. An engine
// match of a key spells each of the key's words on the page, so any one of them will do: the gate takes the
// most telling one (gateWords). A key whose words are all in scripts the gate does not fold
// (Arabic, CJK…) needs none: the gate lets every word it cannot fold through.
import { CLS_WORD, charClass } from './normalise';
import { lowerStartOk, type AliasEntry, type Matcher } from './matcher';
import { gateFold } from './word-gate';

export interface GateWords {
  /** Words that count in any case. */
  any: string[];
  /** Words that count where the page's word does not begin in lower case. */
  cased: string[];
}

/** Whether the gate folds each character of the (folded) word to itself: it can then find the word on a page. */
const gateCanRead = (word: string): boolean => {
  for (let i = 0; i < word.length; i++) if (gateFold(word.charCodeAt(i)) !== word[i]) return false;
  return true;
};

/** The key's words: its runs of letters and digits (a key is folded: no marks, no ignorables). */
function wordsOf(key: string): string[] {
  const words: string[] = [];
  let word = '';
  for (let i = 0; i < key.length; i++) {
    if (charClass(key.charCodeAt(i)) === CLS_WORD) word += key[i];
    else if (word !== '') {
      words.push(word);
      word = '';
    }
  }
  if (word !== '') words.push(word);
  return words;
}

/**
 * Which of the key's words the alias's case rule (rules.ts caseRuleHolds) wants to begin with a capital on the
 * page: the first word unless the rule lets a surface begin in lower case (matcher.ts lowerStartOk); and, when
 * the alias's words are the key's (a surface whose words are not is made of characters the gate cannot fold,
 * and lets the page through anyway), the words the alias begins with a capital (`proper` checks those, and
 * `exact` the whole pattern).
 */
function casedWords(entry: AliasEntry, words: readonly string[]): Set<number> {
  const cased = new Set<number>();
  if (entry.alias.caseRule === 'any') return cased;
  if (!lowerStartOk(entry)) cased.add(0);
  if (entry.wordCount === words.length) for (const w of entry.capitalWords) cased.add(w);
  return cased;
}

/**
 * The gate's words for every alias of a core actor of the matcher, sorted and distinct. Of an alias's words
 * the gate takes one that must be capitalised (most words of a page are not), then the one the fewest actors'
 * names share ("Turkey" rather than "Republic" in "Republic of Turkey"), then the longest.
 */
export function gateWords(matcher: Matcher): GateWords {
  const trie = matcher.aliasTrie;
  const core = (entry: AliasEntry) => matcher.actors[entry.actor]!.peripheral !== true;
  const keyWords = trie.keys.map(wordsOf);
  const actorsOf = new Map<string, Set<number>>();
  trie.keys.forEach((_, i) => {
    for (const entry of trie.values[i] ?? []) {
      if (!core(entry)) continue;
      for (const word of keyWords[i]!) {
        let set = actorsOf.get(word);
        if (!set) actorsOf.set(word, (set = new Set()));
        set.add(entry.actor);
      }
    }
  });
  const any = new Set<string>();
  const cased = new Set<string>();
  trie.keys.forEach((_, i) => {
    const words = keyWords[i]!;
    for (const entry of trie.values[i] ?? []) {
      // A base marks nothing on a page that names none of its core actors (document.ts, relevance): a
      // peripheral actor's names ("US", "Trump", "UN", on every American page) need no gate word.
      if (!core(entry)) continue;
      const capitals = casedWords(entry, words);
      let best = -1;
      let bestKey: [number, number, number] = [0, 0, 0];
      words.forEach((word, w) => {
        if (!gateCanRead(word)) return;
        const key: [number, number, number] = [capitals.has(w) ? 1 : 0, -actorsOf.get(word)!.size, word.length];
        if (best < 0 || key[0] > bestKey[0] || (key[0] === bestKey[0] && (key[1] > bestKey[1] || (key[1] === bestKey[1] && key[2] > bestKey[2])))) {
          best = w;
          bestKey = key;
        }
      });
      if (best >= 0) (capitals.has(best) ? cased : any).add(words[best]!);
    }
  });
  for (const word of any) cased.delete(word); // counted anyway
  return { any: [...any].sort(), cased: [...cased].sort() };
}
