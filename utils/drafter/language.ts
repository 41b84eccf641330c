// Is the text English? The drafter's rules and NLP model are English-only. The share of running words that
// are common English function words is about 0.35-0.5 in English prose and under 0.05 in other languages
// (a few loanwords and names); the thresholds below sit well apart from both.
const STOPWORDS = new Set(
  (
    'the of and to a in is was for on that with as by at from it he she his her its they their be been has have ' +
    'had are were said an or but not this which who will would after also more than about over into up out ' +
    'one two new its we you i our there when what all can could if so no some other them us most last year'
  ).split(' '),
);

export const ENGLISH_SURE = 0.2;
export const ENGLISH_DOUBTFUL = 0.1;

/** Share of words (Latin or not) that are English function words; 0 when there are no words. */
export function englishScore(text: string): number {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const words = sample.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length === 0) return 0;
  let hits = 0;
  for (const w of words) if (STOPWORDS.has(w)) hits++;
  return hits / words.length;
}
