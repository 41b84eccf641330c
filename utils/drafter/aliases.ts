// Alias clusters: the mentions that name one actor, grouped. Full names head a cluster; a surname joins the
// person whose full name ends with it, an acronym the organisation whose initials it spells, a head noun
// ("the Committee") the one organisation whose name ends with it, a capital or demonym its state; events
// named after the same month ("August ceasefire", "August agreement") are one event.
import { foldAlias } from '../factbase/checks';
import type { ActorKind } from '../factbase/types';
import { EVENT_HEADS, LOWER_ORG_HEADS, NAME_PARTICLES, ORG_HEADS, STANDALONE_HEADS } from './lexicon';
import type { Mention } from './types';

export interface Cluster {
  readonly key: string;
  kind: ActorKind;
  /** The name the card shows: the fullest form the article uses (or the gazetteer's name). */
  name: string;
  /** Set when the gazetteer knows the actor. */
  canonical?: string;
  readonly mentions: Mention[];
}

const AGREEMENT_HEADS = new Set(['ceasefire', 'cease-fire', 'truce', 'agreement', 'accord', 'deal']);

const wordsOf = (name: string) => name.split(/[\s-]+/).filter(Boolean);
const lastWord = (name: string) => wordsOf(name).at(-1) ?? name;

function initials(name: string): string {
  return wordsOf(name)
    .filter((w) => /^\p{Lu}/u.test(w) && !NAME_PARTICLES.has(w.toLowerCase()))
    .map((w) => w[0])
    .join('');
}

/** Groups mentions into actors, most-mentioned first. Weak single-word guesses that stay alone and occur once are dropped. */
export function clusterMentions(mentions: readonly Mention[]): Cluster[] {
  const clusters = new Map<string, Cluster>();
  const add = (key: string, m: Mention, kind: ActorKind, name: string, canonical?: string) => {
    let c = clusters.get(key);
    if (!c) {
      c = { key, kind, name, mentions: [], ...(canonical === undefined ? {} : { canonical }) };
      clusters.set(key, c);
    }
    c.mentions.push(m);
    return c;
  };
  const singles: Mention[] = [];
  // 1. Gazetteer names and full (multi-word) names.
  for (const m of mentions) {
    if (m.canonical !== undefined && m.form !== 'acronym') add(`g:${m.canonical}`, m, m.kind, m.canonical, m.canonical);
    else if (m.canonical !== undefined) singles.push(m);
    else if (wordsOf(m.text).length >= 2 || m.kind === 'event') add(`n:${foldAlias(m.text)}`, m, m.kind, m.text);
    else singles.push(m);
  }
  // Gazetteer acronyms belong to their entry; bracketed acronyms to the name they follow.
  for (const m of singles.filter((s) => s.canonical !== undefined)) {
    const target = clusters.get(`g:${m.canonical}`) ?? clusters.get(`n:${foldAlias(m.canonical!)}`);
    if (target) target.mentions.push(m);
    else add(`g:${m.canonical}`, m, m.kind, m.canonical!, m.canonical);
  }
  const full = [...clusters.values()];
  // 2. A shorter full name of a person inside a longer one: "Tayyip Erdogan" ⊂ "Recep Tayyip Erdogan".
  const persons = full.filter((c) => c.kind === 'person' && c.canonical === undefined);
  for (const short of persons) {
    const long = persons.find(
      (p) => p !== short && p.mentions.length > 0 && wordsOf(p.name).length > wordsOf(short.name).length &&
        lastWord(p.name) === lastWord(short.name) &&
        wordsOf(short.name).every((w) => wordsOf(p.name).some((x) => x.toLowerCase() === w.toLowerCase())),
    );
    if (long) {
      long.mentions.push(...short.mentions.splice(0));
      clusters.delete(short.key);
    }
  }
  // 3. Events named after one month, agreement-like heads: one event.
  const events = [...clusters.values()].filter((c) => c.kind === 'event' && wordsOf(c.name).length === 2);
  for (const e of events) {
    const [month, head] = wordsOf(e.name).map((w) => w.toLowerCase());
    if (!AGREEMENT_HEADS.has(head ?? '')) continue;
    const into = events.find((o) => o !== e && clusters.has(o.key) && wordsOf(o.name)[0]!.toLowerCase() === month &&
      AGREEMENT_HEADS.has(wordsOf(o.name)[1]!.toLowerCase()));
    if (into && into.mentions[0]!.start < e.mentions[0]!.start) {
      into.mentions.push(...e.mentions.splice(0));
      clusters.delete(e.key);
    }
  }
  // 4. Single words: surname, acronym, head noun, the bare name of "X group"; else a cluster of their own.
  const named = () => [...clusters.values()].filter((c) => c.canonical === undefined);
  for (const m of singles.filter((s) => s.canonical === undefined)) {
    const word = m.text;
    const before = (c: Cluster) => c.mentions.filter((x) => x.start < m.start).length;
    const pick = (cands: Cluster[]) => (cands.length === 1 ? cands[0] : cands.sort((a, b) => before(b) - before(a))[0]);
    const people = named().filter((c) => c.kind === 'person' && wordsOf(c.name).length >= 2 && lastWord(c.name) === word);
    if (people.length > 0 && !/^[\p{Lu}.]+$/u.test(word)) {
      pick(people)!.mentions.push({ ...m, kind: 'person', form: 'surname' });
      continue;
    }
    if (m.form === 'acronym' || /^[\p{Lu}.]{2,}$/u.test(word)) {
      const letters = word.replace(/\./g, '');
      const orgs = named().filter((c) => c.kind !== 'person' && wordsOf(c.name).length >= 2 && initials(c.name) === letters);
      if (orgs.length > 0) {
        pick(orgs)!.mentions.push({ ...m, form: 'acronym' });
        continue;
      }
    }
    // A given name alone, when one person of the article has it: "Lupita" for "Lupita Nyong'o".
    const given = named().filter((c) => c.kind === 'person' && wordsOf(c.name).length >= 2 && c.name.split(/\s+/)[0] === word);
    if (given.length === 1 && m.kind !== 'organisation' && !/^[\p{Lu}.]+$/u.test(word)) {
      given[0]!.mentions.push({ ...m, kind: 'person', form: 'other' });
      continue;
    }
    const heads = named().filter((c) => c.kind === 'organisation' && wordsOf(c.name).length >= 2 && lastWord(c.name) === word);
    if (heads.length === 1) {
      heads[0]!.mentions.push({ ...m, kind: 'organisation', form: 'head' });
      continue;
    }
    const bare = named().filter((c) => c.kind === 'organisation' && wordsOf(c.name).length === 2 &&
      wordsOf(c.name)[0] === word && LOWER_ORG_HEADS.has(lastWord(c.name)));
    if (bare.length === 1) {
      bare[0]!.mentions.push({ ...m, kind: 'organisation', form: 'other' });
      continue;
    }
    // A lone head noun or title that names no organisation of the article is a common word: "Center", "Council".
    const lower = word.toLowerCase();
    if ((ORG_HEADS.has(lower) || EVENT_HEADS.has(lower)) && !STANDALONE_HEADS.has(lower)) continue;
    if (STANDALONE_HEADS.has(lower)) {
      add(`n:${foldAlias(word)}`, { ...m, kind: 'organisation', weak: false }, 'organisation', word);
      continue;
    }
    add(`n:${foldAlias(word)}`, m, m.kind, word);
  }
  const result = [...clusters.values()].filter((c) => {
    if (c.mentions.length === 0) return false;
    const strong = c.mentions.some((m) => !m.weak);
    return strong || c.mentions.length >= 2;
  });
  for (const c of result) c.kind = clusterKind(c);
  return result.sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0]!.start - b.mentions[0]!.start);
}

/** The kind of the fullest mention wins; a single word's guess gives way to a stronger one. */
function clusterKind(c: Cluster): ActorKind {
  if (c.canonical !== undefined) return c.mentions.find((m) => m.canonical === c.canonical)?.kind ?? c.kind;
  // A name written after a title ("President Obama") is a person, whatever else the tags say.
  if (c.mentions.some((m) => m.title !== undefined && m.kind === 'person')) return 'person';
  const votes = new Map<ActorKind, number>();
  for (const m of c.mentions) {
    const weight = (m.weak ? 0.5 : 1) * (m.form === 'name' ? 2 : 1);
    votes.set(m.kind, (votes.get(m.kind) ?? 0) + weight);
  }
  return [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}
