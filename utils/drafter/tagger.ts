// Word tags (Person, FirstName, LastName, Place, City, Country, Organization, Adjective...) from compromise's
// lexicon (MIT, plain JavaScript: no eval, no model download), keyed by each word's offset in the text.
// Measured here (idle machine, 30 KB of news text): compromise's full tagger takes 280-640 ms and its name
// spans are often cut short; looking each word up in its 24,600-word lexicon (with the tag hierarchy) plus one
// context rule costs a few ms, and the whole draft then takes ~90 ms with the same result on the seed
// article. So the drafter uses the lexicon and its own rules (titles, head nouns, gazetteer), not the tagger.
import nlp from 'compromise/two';
import { tokenize } from './tokens';

export type WordTags = ReadonlyMap<number, ReadonlySet<string>>;

interface TagInfo {
  parents?: string[];
}
const model = nlp.model() as { one: { lexicon: Record<string, string | string[]>; tagSet: Record<string, TagInfo> } };
const lexicon = model.one.lexicon;
const tagSet = model.one.tagSet;

function lexiconTags(word: string): Set<string> | undefined {
  const entry = lexicon[word.toLowerCase()];
  if (entry === undefined) return undefined;
  const tags = new Set<string>();
  for (const tag of Array.isArray(entry) ? entry : [entry]) {
    tags.add(tag);
    for (const parent of tagSet[tag]?.parents ?? []) tags.add(parent);
  }
  return tags;
}

const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName'];

/** Tags of every word, by the word's start offset in `text`. */
export function tagWords(text: string): WordTags {
  const tags = new Map<number, Set<string>>();
  const tokens = tokenize(text);
  tokens.forEach((token, i) => {
    const prev = i > 0 ? tokens[i - 1] : undefined;
    const next = tokens[i + 1];
    // Two-word entries ("new york", "hong kong") tag both words.
    const pair = next && /^ $/.test(text.slice(token.end, next.start)) ? lexiconTags(`${token.text} ${next.text}`) : undefined;
    const found = lexiconTags(token.text) ?? new Set<string>();
    if (pair) {
      for (const t of pair) found.add(t);
      const nextTags = tags.get(next!.start) ?? new Set<string>();
      for (const t of pair) nextTags.add(t);
      tags.set(next!.start, nextTags);
    }
    const earlier = tags.get(token.start);
    if (earlier) for (const t of earlier) found.add(t);
    if (token.capital) {
      found.add('ProperNoun');
      // An unknown capitalised word after a first name is a surname: "Ibrahim Kalin", "Eric Reeves".
      const prevTags = prev ? tags.get(prev.start) : undefined;
      const joined = prev !== undefined && /^\s+$/.test(text.slice(prev.end, token.start));
      if (joined && prevTags?.has('FirstName') && !PERSON_TAGS.some((t) => found.has(t)) && lexicon[token.text.toLowerCase()] === undefined) {
        found.add('Person').add('LastName');
      }
    }
    if (found.size > 0) tags.set(token.start, found);
  });
  return tags;
}

const NAME_LIKE = new Set(['FirstName', 'LastName', 'MaleName', 'FemaleName', 'Person', 'Country', 'City', 'Region', 'Place', 'Organization', 'ProperNoun', 'Demonym', 'Month', 'WeekDay']);

/** The word is in compromise's lexicon as an ordinary word ("rich", "western", "force"), not as a name. */
export function isCommonWord(word: string): boolean {
  const entry = lexicon[word.toLowerCase()];
  if (entry === undefined) return false;
  return (Array.isArray(entry) ? entry : [entry]).every((tag) => !NAME_LIKE.has(tag));
}
