// Facts and identity of a drafted actor, sliced from the article text itself: a quote is `text.slice(a, b)`
// of a sentence (or a clause of it), so a quote that is not in the article cannot be made.
import type { Cluster } from './aliases';
import type { Mention, Span } from './types';

export const MAX_FACTS = 6;
/** Longer sentences are cut to the clause around the mention, so a card stays readable. */
const MAX_QUOTE = 320;
const FIGURE = /\b(?:nearly |about |more than |over |almost |some |at least )?\d[\d,.]*(?:\s?(?:%|per ?cent|million|billion|thousand))?(?:\s[a-z]+)?|\b(?:hundreds|thousands|tens of thousands|millions|dozens) of [a-z]+/g;

export interface DraftedFact {
  quote: string;
  figures: string[];
  /** Clusters named in the same stretch (the owner excluded), in order of appearance. */
  others: Cluster[];
  sentence: number;
}

/** The stretch of a sentence quoted for a mention: the whole sentence, or the clause around it if too long. */
export function quoteSpan(text: string, sentence: Span, mention: Span): Span {
  if (sentence.end - sentence.start <= MAX_QUOTE) return sentence;
  const before = text.slice(sentence.start, mention.start);
  const after = text.slice(mention.end, sentence.end);
  const cutBefore = Math.max(before.lastIndexOf('; '), before.lastIndexOf(', '), before.lastIndexOf(' - '));
  let start = cutBefore >= 0 && mention.start - (sentence.start + cutBefore) < MAX_QUOTE ? sentence.start + cutBefore + 2 : sentence.start;
  const nextCut = after.search(/[;,] | - /);
  let end = nextCut >= 0 ? mention.end + nextCut : sentence.end;
  if (end - start > MAX_QUOTE) end = Math.min(sentence.end, start + MAX_QUOTE);
  // Never cut a word in two.
  while (end < sentence.end && /\p{L}/u.test(text[end]!)) end++;
  while (start < end && /\s/.test(text[start]!)) start++;
  return { start, end };
}

export function draftFacts(
  text: string,
  sentences: readonly Span[],
  cluster: Cluster,
  clusterOf: ReadonlyMap<Mention, Cluster>,
  mentionsBySentence: ReadonlyMap<number, readonly Mention[]>,
  limit = MAX_FACTS,
): DraftedFact[] {
  const bySentence = new Map<number, Mention>();
  for (const m of cluster.mentions) if (!bySentence.has(m.sentence)) bySentence.set(m.sentence, m);
  const facts: DraftedFact[] = [];
  for (const [index, mention] of bySentence) {
    const span = quoteSpan(text, sentences[index]!, mention);
    const quote = text.slice(span.start, span.end);
    const others: Cluster[] = [];
    for (const m of mentionsBySentence.get(index) ?? []) {
      const c = clusterOf.get(m);
      if (c && c !== cluster && !others.includes(c) && m.start >= span.start && m.end <= span.end) others.push(c);
    }
    facts.push({ quote, figures: [...new Set(quote.match(FIGURE) ?? [])].map((f) => f.trim()), others, sentence: index });
  }
  // Most relevant first: sentences where the actor is named early (usually the subject), then article order.
  const early = (f: DraftedFact) => (bySentence.get(f.sentence)!.start - sentences[f.sentence]!.start < 40 ? 0 : 1);
  return facts.sort((a, b) => early(a) - early(b) || a.sentence - b.sentence).slice(0, limit);
}

export interface Identity {
  identity: string;
  identityQuote: string;
}

/**
 * Who or what the actor is, in the article's words: the title before its first titled mention ("US President
 * Donald Trump"), an appositive after it ("Khalifa Haftar, the commander of ..."), or else the clause it is
 * first named in.
 */
export function draftIdentity(text: string, sentences: readonly Span[], cluster: Cluster): Identity {
  const titled = cluster.mentions.find((m) => m.title !== undefined);
  if (titled?.title) {
    const quote = text.slice(titled.title.start, titled.end);
    const title = text.slice(titled.title.start, titled.title.end).replace(/\s+/g, ' ');
    return { identity: `${title} ${titled.text.replace(/\s+/g, ' ')}`, identityQuote: quote };
  }
  for (const m of cluster.mentions) {
    const appositive = /^, (?:the|a|an) ([^,.;:()"“”]{3,100}?)(?=[,.;])/u.exec(text.slice(m.end, m.end + 120));
    if (appositive && !/\b(?:said|says|who|which|that)\b/.test(appositive[1]!)) {
      return { identity: appositive[0].slice(2), identityQuote: text.slice(m.start, m.end + appositive[0].length) };
    }
  }
  const first = cluster.mentions.reduce((a, b) => (b.start < a.start ? b : a));
  const span = quoteSpan(text, sentences[first.sentence]!, first);
  const quote = text.slice(span.start, span.end);
  return { identity: quote.replace(/\s+/g, ' '), identityQuote: quote };
}
