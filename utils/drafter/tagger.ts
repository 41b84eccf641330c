// Part-of-speech and name tags from compromise (MIT, plain JavaScript: no eval, no model download), keyed by
// each word's offset in the text. compromise's own name spans are often cut short or missed, so the drafter
// uses only its per-word tags (Person, FirstName, Place, Organization, ProperNoun...) as evidence.
// `compromise/two` is the tagger without the phrase-level API, the smallest build that has these tags.
import nlp from 'compromise/two';

export type WordTags = ReadonlyMap<number, ReadonlySet<string>>;

interface JsonTerm {
  tags?: string[];
  offset?: { start: number; length: number };
}

/** Tags of every word, by the word's start offset in `text`. */
export function tagWords(text: string): WordTags {
  const tags = new Map<number, Set<string>>();
  const sentences = nlp(text).json({ offset: true }) as { terms: JsonTerm[] }[];
  for (const sentence of sentences) {
    for (const term of sentence.terms) {
      if (term.offset && term.tags) tags.set(term.offset.start, new Set(term.tags));
    }
  }
  return tags;
}

const NAME_LIKE = new Set(['FirstName', 'LastName', 'MaleName', 'FemaleName', 'Person', 'Country', 'City', 'Region', 'Place', 'Organization', 'ProperNoun', 'Demonym', 'Month', 'WeekDay']);
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

/** The word is in compromise's lexicon as an ordinary word ("rich", "western", "force"), not as a name. */
export function isCommonWord(word: string): boolean {
  const entry = lexicon[word.toLowerCase()];
  if (entry === undefined) return false;
  return (Array.isArray(entry) ? entry : [entry]).every((tag) => !NAME_LIKE.has(tag));
}
