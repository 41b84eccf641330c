// The drafter: article text (and what the page says about it) → a fact pack in the import format, checked by
// the same validator as any import. Pure: no DOM, no browser or Node API, so the extension page, the CLI and
// the benchmarks run the same code.
import { foldAlias } from '../factbase/checks';
import { validatePack } from '../factbase/pack';
import type { CompiledActor, CompiledFactBase } from '../factbase/types';
import { clusterMentions, type Cluster } from './aliases';
import { aliasSet } from './alias-list';
import { findMentions } from './entities';
import { draftFacts, draftIdentity, MAX_FACTS, type DraftedFact } from './facts';
import { englishScore, ENGLISH_DOUBTFUL, ENGLISH_SURE } from './language';
import { draftRelations, RELATION_LABEL } from './relations';
import { cutText, firstLine, MAX_ARTICLE_CHARS } from './limits';
import { splitSentences } from './sentences';
import { tagWords } from './tagger';
import type { ArticleMeta, DraftNotice, DraftProblem, Mention } from './types';

export type { ArticleMeta, DraftNotice, DraftProblem } from './types';

/** Texts longer than this are cut (at a paragraph end) before drafting, and the result says so. */
export const MAX_DRAFT_CHARS = MAX_ARTICLE_CHARS;
/** Fewer characters than this is not an article. */
export const MIN_DRAFT_CHARS = 200;
/** At most this many actors, the most mentioned first. */
export const MAX_ACTORS = 40;

export type DraftResult =
  | { ok: true; pack: CompiledFactBase; notices: DraftNotice[] }
  | { ok: false; problem: DraftProblem };

export interface DraftOptions {
  /** Draft even if the text does not look English (names are still found; typing is worse). */
  readonly anyLanguage?: boolean;
}

/** Drafts a fact pack from an article's plain text (paragraphs separated by line breaks). */
export function draftPack(articleText: string, meta: ArticleMeta = {}, options: DraftOptions = {}): DraftResult {
  const notices: DraftNotice[] = [];
  let text = articleText.replace(/\r\n?/g, '\n');
  if (text.trim().length < MIN_DRAFT_CHARS) {
    return { ok: false, problem: { code: 'empty', message: `The text is too short to be an article (${text.trim().length} characters; at least ${MIN_DRAFT_CHARS} are needed).` } };
  }
  if (text.length > MAX_DRAFT_CHARS) {
    text = cutText(text, MAX_DRAFT_CHARS);
    notices.push({
      code: 'truncated',
      message: `The article is long (${articleText.length.toLocaleString('en')} characters): only its first ${text.length.toLocaleString('en')} were drafted.`,
    });
  }
  const score = englishScore(text);
  if (score < ENGLISH_DOUBTFUL && !options.anyLanguage) {
    return {
      ok: false,
      problem: {
        code: 'language',
        englishScore: score,
        message: 'This article does not look English: the drafter knows only English, so it made no pack.',
      },
    };
  }
  if (score < ENGLISH_SURE) {
    notices.push({ code: 'language-uncertain', message: 'The article may not be in English: check the drafted actors with care.' });
  }

  const sentences = splitSentences(text);
  const mentions = findMentions(text, sentences, tagWords(text));
  const clusters = clusterMentions(mentions).slice(0, MAX_ACTORS);
  if (clusters.length === 0) {
    return { ok: false, problem: { code: 'no-actors', message: 'No people, places or organisations were found in this text.' } };
  }
  const pack = assemble(text, meta, sentences, clusters);
  const checked = validatePack(pack);
  if (!checked.ok) {
    return { ok: false, problem: { code: 'invalid', message: 'The draft did not pass the pack checks.', errors: checked.errors } };
  }
  return { ok: true, pack: checked.factBase, notices };
}

function assemble(text: string, meta: ArticleMeta, sentences: ReturnType<typeof splitSentences>, clusters: Cluster[]): CompiledFactBase {
  const clusterOf = new Map<Mention, Cluster>();
  const bySentence = new Map<number, Mention[]>();
  for (const c of clusters) {
    for (const m of c.mentions) {
      clusterOf.set(m, c);
      const list = bySentence.get(m.sentence) ?? [];
      list.push(m);
      bySentence.set(m.sentence, list);
    }
  }
  const ids = new Map<Cluster, string>();
  const taken = new Set<string>();
  for (const c of clusters) {
    const base = slug(c.name) || 'actor';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    ids.set(c, id);
  }
  // Each alias to one actor only: the more-mentioned actor keeps it.
  const aliasOwner = new Set<string>();
  const stretches = new Map<Cluster, DraftedFact[]>();
  for (const c of clusters) stretches.set(c, draftFacts(text, sentences, c, clusterOf, bySentence, Infinity));
  const relations = draftRelations(stretches);
  const actors: CompiledActor[] = [];
  for (const c of clusters) {
    const id = ids.get(c)!;
    const set = aliasSet(c, text);
    const aliases = set.aliases.filter((a) => {
      const key = foldAlias(a.text);
      if (aliasOwner.has(key)) return false;
      aliasOwner.add(key);
      return true;
    });
    if (aliases.length === 0) continue;
    const facts = stretches.get(c)!.slice(0, MAX_FACTS).map((f, i) => ({
      id: `${id}/${i}`,
      text: f.quote.replace(/\s+/g, ' '),
      quote: f.quote,
      actors: [id, ...f.others.map((o) => ids.get(o)!)],
      figures: f.figures,
    }));
    actors.push({
      id,
      name: c.name.replace(/\s+/g, ' '),
      kind: c.kind,
      ...draftIdentity(text, sentences, c),
      aliases,
      cues: set.cues,
      givenNames: set.givenNames,
      facts,
      related: (relations.get(c) ?? []).map((r) => ({ actorId: ids.get(r.other)!, label: RELATION_LABEL, quote: r.quote })),
    });
  }
  // Actors dropped for want of an alias are no longer referable.
  const kept = new Set(actors.map((a) => a.id));
  for (const a of actors) {
    a.related = a.related.filter((r) => kept.has(r.actorId));
    for (const f of a.facts) f.actors = f.actors.filter((x) => kept.has(x));
  }
  const title = (meta.title ?? firstLine(text)).replace(/\s+/g, ' ').trim();
  return {
    formatVersion: 1,
    source: {
      id: `draft-${slug(title).slice(0, 48).replace(/-+$/, '') || 'article'}`,
      title,
      period: meta.published?.slice(0, 10) || 'undated',
      file: meta.file ?? meta.url ?? 'drafted on the device',
      note: 'Drafted by Factlens from one article, the sole source; every quote is the article\'s own words. Review before use.',
      text,
      ...(meta.url ? { url: meta.url } : {}),
      ...(meta.site ? { site: meta.site } : {}),
      ...(meta.byline ? { byline: meta.byline } : {}),
      ...(meta.published ? { published: meta.published } : {}),
    },
    actors,
  };
}

/** Kebab-case id: lower-case ASCII letters and digits (diacritics folded away). */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
