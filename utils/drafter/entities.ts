// Named entities of the article: runs of capitalised words (with name particles), split into gazetteer names,
// titles and the name itself, then typed by the gazetteer, head nouns, compromise's word tags and context.
import { GAZETTEER } from './gazetteer';
import {
  COMPANY_SUFFIXES,
  COMPASS,
  EVENT_HEADS,
  LOWER_EVENT_HEADS,
  LOWER_ORG_HEADS,
  MONTHS,
  NAME_PARTICLES,
  NEVER_NAMES,
  ORG_HEADS,
  PLACE_HEADS,
  PLACE_PREPOSITIONS,
  SAYING_VERBS,
  TITLES,
  WEEKDAYS,
} from './lexicon';
import { isCommonWord, type WordTags } from './tagger';
import { tokenize, type Token } from './tokens';
import type { Mention, Span } from './types';
import type { ActorKind } from '../factbase/types';

// The tagger marks every capitalised word ProperNoun; only lexicon tags are evidence of a name.
const NAME_TAGS = ['Person', 'Place', 'Organization', 'FirstName', 'LastName'];
const MAX_GAZETTEER_WORDS = 6;

/** Every name mention in the text, sentence by sentence. */
export function findMentions(text: string, sentences: readonly Span[], tags: WordTags): Mention[] {
  const mentions: Mention[] = [];
  const headingLines = headingLineStarts(text);
  const bySentence = sentences.map((s) => tokenize(text, s.start, s.end));
  // Words the article capitalises inside a sentence: a capital at a sentence start is evidence only then.
  const midCapitals = new Set<string>();
  for (const tokens of bySentence) for (const t of tokens.slice(1)) if (t.capital && !t.hyphenBefore) midCapitals.add(t.text);
  const credits = creditSpans(text);
  sentences.forEach((sentence, index) => {
    if (headingLines.has(lineStart(text, sentence.start))) return;
    const tokens = bySentence[index]!;
    const ctx = { text, tags, tokens, sentence: index, sentenceStart: sentence.start, out: mentions, midCapitals };
    for (const run of capitalRuns(text, tokens)) segmentRun(ctx, run);
  });
  // Photo credits name photographers and agencies, not actors of the story.
  return credits.length === 0 ? mentions : mentions.filter((m) => !credits.some((c) => m.start >= c.start && m.end <= c.end));
}

/**
 * Photo credits: "Credit Ashraf Shazly/Agence France-Presse" at a line or sentence start (to the line end),
 * and a bracketed source with a slash, "(Thomas Coex/AFP/Getty Images)".
 */
export function creditSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/(?:^|(?<=[.!?]["'\u201D\u2019)]?)\s*)(Credit(?:Credit)?\s*\p{Lu}[^\n]*)/gmu)) {
    const start = m.index + m[0].length - m[1]!.length;
    spans.push({ start, end: start + m[1]!.length });
  }
  for (const m of text.matchAll(/\([^()\n]*\p{Lu}[^()\n]*\/[^()\n]*\)/gu)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

interface Ctx {
  text: string;
  tags: WordTags;
  tokens: Token[];
  sentence: number;
  sentenceStart: number;
  out: Mention[];
  midCapitals: ReadonlySet<string>;
}

/** Runs of capitalised tokens joined by spaces only, with name particles inside ("Observatory for Human Rights"). */
function capitalRuns(text: string, tokens: readonly Token[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  const close = () => {
    while (run.length > 0 && !tokens[run[run.length - 1]!]!.capital) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  tokens.forEach((token, i) => {
    const prev = i > 0 ? tokens[i - 1]! : undefined;
    const joined =
      prev !== undefined &&
      run.length > 0 &&
      run[run.length - 1] === i - 1 &&
      !prev.possessive &&
      (/^\s+$/.test(text.slice(prev.end, token.start)) ||
        // "Mr. Trump", "Gen. Haftar": the dot of an abbreviated title does not end the name.
        (/^\.\s+$/.test(text.slice(prev.end, token.start)) && TITLES.has(prev.text.toLowerCase())) ||
        (token.hyphenBefore && hyphenJoins(text, tokens, run, token)));
    const particle = !token.capital && NAME_PARTICLES.has(token.text.toLowerCase());
    if (token.capital) {
      if (!joined) close();
      run.push(i);
    } else if (particle && joined && (!ENGLISH_PARTICLES.has(token.text) || headOrTitle(tokens[run[run.length - 1]!]!.text))) {
      // "Department of Defense", "Secretary of State", but not "Mitch McConnell of Kentucky".
      run.push(i);
    } else {
      close();
    }
  });
  close();
  return runs;
}

/** "of", "for" and "on" join a name only after a head noun or a title; "bin", "al", "van" always do. */
const ENGLISH_PARTICLES = new Set(['of', 'for', 'on']);

function headOrTitle(word: string): boolean {
  const w = word.toLowerCase();
  return ORG_HEADS.has(w) || EVENT_HEADS.has(w) || TITLES.has(w) || PLACE_HEADS.has(w);
}

/**
 * A hyphen between capitalised words joins them ("Agence France-Presse", "al-Assad") unless it ties two
 * known names ("Turkey-Russia patrols", "U.S.-Israeli relations").
 */
function hyphenJoins(text: string, tokens: readonly Token[], run: readonly number[], token: Token): boolean {
  const prev = tokens[run[run.length - 1]!]!;
  if (NAME_PARTICLES.has(prev.text.toLowerCase())) return true;
  const soFar = text.slice(tokens[run[0]!]!.start, prev.end).replace(/\s+/g, ' ');
  return !((GAZETTEER.has(soFar) || GAZETTEER.has(prev.text)) && GAZETTEER.has(token.text));
}

function hasNameTag(ctx: Ctx, token: Token): boolean {
  const t = ctx.tags.get(token.start);
  return t !== undefined && NAME_TAGS.some((name) => t.has(name));
}

function atSentenceStart(ctx: Ctx, token: Token): boolean {
  return /^[\s"'“‘(\[—–-]*$/u.test(ctx.text.slice(ctx.sentenceStart, token.start));
}

function gazetteerAt(ctx: Ctx, run: readonly number[], from: number): { to: number; form: string } | undefined {
  for (let to = Math.min(run.length - 1, from + MAX_GAZETTEER_WORDS - 1); to >= from; to--) {
    const first = ctx.tokens[run[from]!]!;
    const last = ctx.tokens[run[to]!]!;
    const form = ctx.text.slice(first.start, last.end).replace(/\s+/g, ' ');
    if (GAZETTEER.has(form)) return { to, form };
  }
  return undefined;
}

function nextWord(ctx: Ctx, token: Token): Token | undefined {
  const next = ctx.tokens[token.index + 1];
  return next && /^[\s-]+$/.test(ctx.text.slice(token.end, next.start)) ? next : undefined;
}

function previousWord(ctx: Ctx, token: Token): Token | undefined {
  return token.index > 0 ? ctx.tokens[token.index - 1] : undefined;
}

function segmentRun(ctx: Ctx, runIn: readonly number[]): void {
  // "Palestinian Authority President Mahmoud Abbas": an organisation, then a titled person.
  const split = runIn.findIndex(
    (r, k) => k > 0 && k < runIn.length - 1 && TITLES.has(ctx.tokens[r]!.text.toLowerCase()) &&
      ORG_HEADS.has(ctx.tokens[runIn[k - 1]!]!.text.toLowerCase()),
  );
  const suffix = runIn.findIndex((r, k) => k > 0 && k < runIn.length - 1 && COMPANY_SUFFIXES.has(ctx.tokens[r]!.text.toLowerCase()));
  if (split <= 0 && suffix > 0) {
    segmentRun(ctx, runIn.slice(0, suffix + 1));
    segmentRun(ctx, runIn.slice(suffix + 1));
    return;
  }
  if (split > 0) {
    segmentRun(ctx, runIn.slice(0, split));
    segmentRun(ctx, runIn.slice(split));
    return;
  }
  let run = [...runIn];
  const tok = (k: number) => ctx.tokens[run[k]!]!;
  // A month before an event noun is a named event: "an August ceasefire".
  if (run.length === 1 && MONTHS.has(tok(0).text.toLowerCase())) {
    const head = nextWord(ctx, tok(0));
    if (head && !head.capital && LOWER_EVENT_HEADS.has(head.text.toLowerCase())) {
      let end = head.end;
      const after = nextWord(ctx, head);
      if (after && head.text === 'cease' && after.text === 'fire') end = after.end;
      push(ctx, { start: tok(0).start, end }, 'event', 'name');
    }
    return;
  }
  // Capitalised only because it starts the sentence, or a word that is never a name.
  while (run.length > 0) {
    const first = tok(0);
    const lower = first.text.toLowerCase();
    // At a sentence start a capital proves nothing: the word counts if the lexicon knows it as a name, the
    // article capitalises it elsewhere, or it opens a longer name ("United Nations", "Khalifa Haftar").
    const next = run.length > 1 ? tok(1) : undefined;
    const known = gazetteerAt(ctx, run, 0) !== undefined || ctx.midCapitals.has(first.text) ||
      (hasNameTag(ctx, first) && !(isCommonWord(first.text) && !ctx.tags.get(first.start)?.has('FirstName')));
    const opensName =
      next !== undefined &&
      ((!isCommonWord(first.text) && !GAZETTEER.has(next.text)) ||
        ['Place', 'Organization'].some((tag) => ctx.tags.get(first.start)?.has(tag) && ctx.tags.get(next.start)?.has(tag)));
    const initialCommon = atSentenceStart(ctx, first) && !first.allCaps && !known;
    const sameName = opensName;
    if (NEVER_NAMES.has(lower) || WEEKDAYS.has(lower) || (initialCommon && !sameName)) run = run.slice(1);
    else break;
  }
  while (run.length > 0 && NAME_PARTICLES.has(tok(0).text.toLowerCase())) run = run.slice(1);
  if (run.length === 0) return;

  let title: Span | undefined;
  let k = 0;
  while (k < run.length) {
    const g = gazetteerAt(ctx, run, k);
    if (g) {
      const rest = run.slice(g.to + 1).map((r) => ctx.tokens[r]!.text.toLowerCase());
      const restIsCompound = rest.length > 0 && !TITLES.has(rest[0]!) && rest.some((w) => ORG_HEADS.has(w) || EVENT_HEADS.has(w));
      if (restIsCompound) break; // "Syrian Observatory for Human Rights", "Paris Agreement": one name
      const hit = GAZETTEER.get(g.form)!;
      const span = { start: tok(k).start, end: tok(g.to).end };
      push(ctx, span, hit.kind, hit.role === 'capital' ? 'capital' : hit.role === 'demonym' ? 'demonym' : hit.role === 'acronym' ? 'acronym' : 'name', hit.canonical);
      // A gazetteer word directly before a title belongs to the title too ("Turkish President").
      if (g.to + 1 < run.length && TITLES.has(tok(g.to + 1).text.toLowerCase())) title ??= span;
      k = g.to + 1;
      continue;
    }
    if (TITLES.has(tok(k).text.toLowerCase()) && k + 1 < run.length) {
      title = { start: title?.start ?? tok(k).start, end: tok(k).end };
      k++;
      continue;
    }
    break;
  }
  if (k >= run.length) return;
  // "Director of Technology": what follows a title and a particle is part of the title, not a name.
  if (k > 0 && NAME_PARTICLES.has(tok(k).text.toLowerCase())) return;
  const rest = run.slice(k);
  // A trailing descriptor is not part of a name: "Virginia Democrat".
  while (rest.length > 1 && TITLES.has(ctx.tokens[rest[rest.length - 1]!]!.text.toLowerCase())) rest.pop();
  // A title or a particle left at the end is not a name.
  while (rest.length > 0 && (NAME_PARTICLES.has(ctx.tokens[rest[rest.length - 1]!]!.text.toLowerCase()))) rest.pop();
  if (rest.length === 0) return;
  const words = rest.map((r) => ctx.tokens[r]!);
  if (words.every((w) => TITLES.has(w.text.toLowerCase()) || NEVER_NAMES.has(w.text.toLowerCase()))) return;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  let span: Span = { start: first.start, end: last.end };
  const lowerWords = words.map((w) => w.text.toLowerCase());
  const gaz = GAZETTEER.get(ctx.text.slice(span.start, span.end).replace(/\s+/g, ' '));
  if (gaz) {
    push(ctx, span, gaz.kind, 'name', gaz.canonical);
    return;
  }
  // Precedes a leading title: "Presidential spokesman Ibrahim Kalin" (lower-case roles before the name).
  title = title ?? titleBefore(ctx, first);
  const after = nextWord(ctx, last);
  let kind: ActorKind | undefined;
  let weak = false;
  if (lowerWords.slice(words.length > 1 ? 0 : 0).some((w) => ORG_HEADS.has(w))) kind = 'organisation';
  else if (EVENT_HEADS.has(lowerWords[lowerWords.length - 1]!)) kind = 'event';
  else if (words.length > 1 && (PLACE_HEADS.has(lowerWords[lowerWords.length - 1]!) || COMPASS.has(lowerWords[0]!))) kind = 'place';
  else if (after && !after.capital && !last.possessive && LOWER_ORG_HEADS.has(after.text.toLowerCase())) {
    kind = 'organisation';
    span = { start: span.start, end: after.end };
  } else if (words.length === 1 && first.allCaps) kind = 'organisation';
  else if (title) kind = 'person';
  else {
    const score = { person: 0, place: 0, organisation: 0 };
    for (const w of words) {
      const t = ctx.tags.get(w.start);
      if (!t) continue;
      if (t.has('Person') || t.has('FirstName') || t.has('LastName') || t.has('Honorific')) score.person++;
      if (t.has('Place') || t.has('Country') || t.has('City') || t.has('Region')) score.place++;
      if (t.has('Organization')) score.organisation++;
    }
    const best = (Object.entries(score) as [ActorKind, number][]).sort((a, b) => b[1] - a[1])[0]!;
    // Ordinary words ("Western Wall", "Air Force One") or a known name inside: no evidence of a person.
    const ordinary = words.some((w) => {
      const t = ctx.tags.get(w.start);
      return w.allCaps || isCommonWord(w.text) || GAZETTEER.has(w.text) || (t !== undefined && (t.has('Adjective') || t.has('Plural') || t.has('Verb')));
    });
    // A first name alone is how news names a city ("Sydney", "Seattle") more often than a person.
    const onlyFirstName = words.length === 1 && best[0] === 'person' && !ctx.tags.get(first.start)?.has('LastName');
    const before = previousWord(ctx, first);
    if (onlyFirstName && before && (PLACE_PREPOSITIONS.has(before.text.toLowerCase()) || placeOf(ctx, before))) kind = 'place';
    else if (best[1] > 0) {
      kind = best[0];
      weak = onlyFirstName;
    }
    else if (words.length >= 2 && words.length <= 3 && !ordinary) kind = 'person';
    else if (words.length >= 2 && words.length <= 3) {
      kind = 'organisation';
      weak = true;
    }
    else if (words.length === 1) {
      weak = true;
      if (before && (PLACE_PREPOSITIONS.has(before.text.toLowerCase()) || placeOf(ctx, before))) kind = 'place';
      else if (after && SAYING_VERBS.has(after.text.toLowerCase())) kind = 'person';
      else kind = 'organisation';
    } else kind = 'organisation';
  }
  const form = kind === 'person' && words.length === 1 ? 'surname' : words.length === 1 && first.allCaps ? 'acronym' : 'name';
  push(ctx, span, kind, form, undefined, title, weak);
  // "Syrian Observatory for Human Rights (SOHR)": the acronym that follows in brackets.
  const acronym = /^\s*\(([\p{Lu}][\p{Lu}\p{N}.&]{1,9})\)/u.exec(ctx.text.slice(span.end, span.end + 14));
  if (acronym && kind !== 'person') {
    const start = ctx.text.indexOf(acronym[1]!, span.end);
    push(ctx, { start, end: start + acronym[1]!.length }, kind, 'acronym', ctx.text.slice(span.start, span.end));
  }
}

/** "province of Idlib", "rebel-held Idlib": the word before says a place follows. */
function placeOf(ctx: Ctx, before: Token): boolean {
  const word = before.text.toLowerCase();
  if (/^(?:held|controlled|occupied|run|based)$/.test(word) && before.hyphenBefore) return true;
  if (word !== 'of') return false;
  const noun = previousWord(ctx, before)?.text.toLowerCase() ?? '';
  return PLACE_NOUNS.has(noun);
}

const PLACE_NOUNS = new Set('province region city town village district county state capital area suburb island islands valley port'.split(' '));

/** Role words written just before a name, capitalised or not: "Presidential spokesman", "rebel commander". */
function titleBefore(ctx: Ctx, first: Token): Span | undefined {
  let i = first.index - 1;
  let start: number | undefined;
  let end: number | undefined;
  let cursor = first.start;
  while (i >= 0) {
    const t = ctx.tokens[i]!;
    const gap = ctx.text.slice(t.end, cursor);
    if (!(/^\s+$/.test(gap) || (/^\.\s+$/.test(gap) && TITLES.has(t.text.toLowerCase()))) || t.possessive) break;
    if (!TITLES.has(t.text.toLowerCase()) && !GAZETTEER.has(t.text)) break;
    start = t.start;
    end ??= t.end;
    cursor = t.start;
    i--;
  }
  return start === undefined || end === undefined ? undefined : { start, end };
}

function push(
  ctx: Ctx,
  span: Span,
  kind: ActorKind,
  form: Mention['form'],
  canonical?: string,
  title?: Span,
  weak = false,
): void {
  if (span.end <= span.start) return;
  ctx.out.push({
    start: span.start,
    end: span.end,
    text: ctx.text.slice(span.start, span.end),
    kind,
    form,
    ...(canonical === undefined ? {} : { canonical }),
    ...(title === undefined ? {} : { title }),
    sentence: ctx.sentence,
    ...(weak ? { weak } : {}),
  });
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Lines written in title case (headings, captions): names are not discovered there, to keep noise out. */
function headingLineStarts(text: string): Set<number> {
  const starts = new Set<number>();
  let at = 0;
  for (const line of text.split('\n')) {
    const words = line.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
    if (words.length >= 4) {
      const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).length;
      if (capitals / words.length >= 0.75) starts.add(at);
    }
    at += line.length + 1;
  }
  return starts;
}
