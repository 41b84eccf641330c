// Who is meant on this page: the document-level pass (issue 12).
//
// findMentions decides each candidate from its own sentence and paragraph. A page says more: the same
// name keeps one sense all through it (one sense per discourse), a short name takes the sense of the
// fullest name the page gives, and a page that names one actor of a story in passing is not about it.
// This module decides per PAGE, in two phases:
//
//   const blocks = texts.map((t) => collectBlock(t, matcher));   // per block, pure, cacheable (the scan)
//   const doc = decideDocument(blocks, matcher);                 // per page: cheap, over candidates only
//   doc.mentions[i]                                              // final mentions of block i (offsets in it)
//
// or in one call: `findDocumentMentions(texts, matcher)`. For a live page, `updateDocument(prev, texts,
// matcher)` re-collects only the blocks whose text is new, decides again and says which blocks must be
// repainted (`repaint`: indexes into the new list): those whose text is new and those whose final mentions
// changed because a page-level decision changed ("Donald Trump" added below a "Fred Trump" paragraph).
//
// The page decisions, in order (each mention gets a MatchReason; dropped ones go to `unmarked` with why):
// 1. One sense per alias: an ambiguous alias rejected by contrary cues or kind words ("Kalın railway") more often than accepted by support
//    cues on the page is another thing everywhere on it ("Wagner" on a page about the opera).
// 2. Acronyms: an acronym the page spells out ("Internet Relay Chat (IRC)") takes that sense everywhere.
// 3. Short names: an ambiguous short name with no cue near it ("Kalin", "Wagner") counts when the page names
//    the actor by a name that is not ambiguous ("Ibrahim Kalin", "Wagner group").
// 4. Capitals: a candidate the block could not decide because the text is in capitals or title case counts
//    when the page names the actor in running text and its neighbour is not a name the page gives to
//    someone else ("IVANKA TRUMP" on a page that writes "Ivanka Trump").
// 5. Surnames: a bare surname ("Trump") on a page that names another person of that name ("Fred Trump",
//    "Mary L. Trump", "Erdogan Atalay") is that person unless the page also names ours ("Donald Trump", "President Trump");
//    when both are named it goes to the nearest full name before it (the last the page gave; none before: the
//    first after it), and a tie is left unmarked. "Mr Trump" alone does
//    not tell which Trump on such a page (it counts as ours only on a page naming no other Trump).
// 6. Relevance, per fact base: a page naming three or more of its core actors (not marked `peripheral`), or
//    two of them five times or more in all, is about the story: everything is marked. (Two named once or
//    twice each is a page that names them in passing: "Iran" and "Turks" in an encyclopedia article.) A page naming one core actor marks it only if the page gives
//    support for it (one of its support cues, a full multi-word name, a confirming given name); its
//    peripheral actors (the United States, Trump, the UN: named on every American page) are not marked.
//    A page naming none marks nothing of that base.
// The cost is one pass over the candidates (linear in the page's length), plus, for a lone actor, one cue
// scan of the blocks that do not already show it.
import type { FindOptions, MatchReason, Mention } from './types';
import type { Matcher } from './matcher';
import { scan, type Considered } from './index';
import { BlockState } from './rules';
import { foldKey, isLetterCode, isLetterOrNumberCode } from './normalise';

/** One candidate of a block, as the document pass needs it. */
export interface Candidate {
  start: number;
  end: number;
  /** Index into matcher.actors. */
  actor: number;
  /** Folded alias. */
  key: string;
  surname: boolean;
  ambiguous: boolean;
  /** More than one word ("Ibrahim Kalin"). */
  multiWord: boolean;
  /** A common noun used as an alias ("regime"). */
  commonNoun: boolean;
  verdict: Considered['verdict'];
}

/** What one block tells the document pass (from one scan of it). */
export interface BlockEvidence {
  readonly text: string;
  /** Every candidate decided, in order. */
  readonly candidates: readonly Candidate[];
  /** Acronyms spelled out in the block: folded acronym → the words that spell it. */
  readonly spelled: ReadonlyMap<string, string>;
}

/** The page's decision for one fact base. */
export interface BaseRelevance {
  sourceId: string;
  title: string;
  /** Names three or more of its core actors, or two of them five times or more. */
  about: boolean;
  /** Names of the base's actors that are marked on the page. */
  marked: string[];
  /** Names of the base's actors found but not marked (peripheral or lone without support). */
  unmarkedActors: string[];
  /** A human sentence: why the page's marks of this base are (not) shown. */
  reason: string;
}

/** A candidate that was not marked, and why (for the popup and `--explain`). */
export interface Unmarked {
  block: number;
  start: number;
  end: number;
  actorId: string;
  surface: string;
  /** A human sentence. */
  why: string;
}

export interface DocumentResult {
  /** Final mentions per block, offsets in that block's text. */
  mentions: Mention[][];
  bases: BaseRelevance[];
  unmarked: Unmarked[];
}

export interface DocumentState {
  readonly blocks: readonly BlockEvidence[];
  readonly result: DocumentResult;
}

/** A page is about a story when it names this many of its core actors… */
const ABOUT_ACTORS = 3;
/** …or two of them this many times in all (two named once each is a page that mentions them in passing). */
const ABOUT_MENTIONS = 5;

const GENERIC_TITLES = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir']);

/** The runs of letters and numbers of a text (what /[\p{L}\p{N}]+/gu finds, with no regular expression to compile). */
function wordsIn(text: string): string[] {
  const words: string[] = [];
  let from = -1;
  for (let i = 0; i <= text.length; i++) {
    const word = i < text.length && isLetterOrNumberCode(text.charCodeAt(i));
    if (word && from < 0) from = i;
    else if (!word && from >= 0) {
      words.push(text.slice(from, i));
      from = -1;
    }
  }
  return words;
}

/** The letters of a text, in order. */
function lettersOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) if (isLetterCode(text.charCodeAt(i))) out += text[i];
  return out;
}

/** Initials of the words of a phrase, skipping small words ("Syrian Observatory for Human Rights" → SOHR also counts them). */
function initials(words: readonly string[], skipSmall: boolean): string {
  let out = '';
  for (const w of words) {
    if (skipSmall && /^(of|for|and|the|de|la|du|des|für|und)$/i.test(w)) continue;
    out += w[0]!.toUpperCase();
  }
  return out;
}

/** The words before "(" or inside "( … )" after an acronym that spell it, or null. */
function spelledOut(text: string, start: number, end: number, letters: string): string | null {
  const want = letters.toUpperCase();
  const test = (phrase: string): string | null => {
    const words = wordsIn(phrase);
    for (let k = words.length - 1; k >= 0 && words.length - k <= want.length + 3; k--) {
      const tail = words.slice(k);
      if (initials(tail, false) === want || initials(tail, true) === want) return tail.join(' ');
    }
    return null;
  };
  // "International Rescue Committee (IRC)"
  if (start > 0 && text[start - 1] === '(' && text[end] === ')') {
    const before = text.slice(Math.max(0, start - 120), start - 1);
    return test(before);
  }
  // "IRC (Internet Relay Chat)"
  let k = end;
  while (k < text.length && text.charCodeAt(k) === 32) k++;
  if (text[k] !== '(') return null;
  const after = /^\s*\(([^()]{3,120})\)/.exec(text.slice(end, end + 124));
  if (after) {
    const words = wordsIn(after[1]!);
    if (initials(words, false) === want || initials(words, true) === want) return words.join(' ');
  }
  return null;
}

/** Phase 1: scan one block and keep what the document pass needs. Pure. */
export function collectBlock(text: string, matcher: Matcher): BlockEvidence {
  const sink = SINK;
  sink.length = 0;
  scan(text, matcher, null, sink);
  // Most blocks name no actor: no allocation beyond the evidence itself.
  if (sink.length === 0) return { text, candidates: NO_CANDIDATES, spelled: EMPTY_MAP };
  const candidates: Candidate[] = [];
  let spelled: Map<string, string> | null = null;
  for (const { start, end, entry, verdict } of sink) {
    const { alias, key } = entry;
    candidates.push({
      start,
      end,
      actor: entry.actor,
      key,
      surname: alias.surname,
      ambiguous: alias.ambiguous,
      multiWord: entry.wordCount > 1,
      commonNoun: alias.text.charCodeAt(0) !== alias.text.charAt(0).toUpperCase().charCodeAt(0),
      verdict,
    });
    if (alias.caseRule === 'exact' && entry.casePattern.length >= 2 && !entry.casePattern.includes('l')) {
      const letters = lettersOf(alias.text);
      const phrase = spelledOut(text, start, end, letters);
      if (phrase !== null) (spelled ??= new Map()).set(key, phrase);
    }
  }
  return { text, candidates, spelled: spelled ?? EMPTY_MAP };
}

const EMPTY_MAP: ReadonlyMap<string, string> = new Map();
const NO_MENTIONS: readonly Mention[] = Object.freeze([]);
const BASE_OF = new WeakMap<Matcher, ReadonlyMap<number, number>>();

/** Actor index → index of its fact base, once per matcher. */
function baseIndexOf(matcher: Matcher): ReadonlyMap<number, number> {
  let map = BASE_OF.get(matcher);
  if (!map) {
    const m = new Map<number, number>();
    let index = 0;
    matcher.factBases.forEach((base, b) => {
      for (let k = 0; k < base.actors.length; k++) m.set(index++, b);
    });
    BASE_OF.set(matcher, (map = m));
  }
  return map;
}
const NO_CANDIDATES: readonly Candidate[] = Object.freeze([]);
/** Scratch for collectBlock (not re-entrant; the rules never call it). */
const SINK: Considered[] = [];

/** A candidate with its place in the document. */
interface Placed {
  block: number;
  c: Candidate;
  /** Position in the whole page (block offsets + start). */
  pos: number;
  reason?: MatchReason;
}

function isCertain(c: Candidate): boolean {
  return c.verdict.accepted;
}

/** Phase 2: decide the page. `blocks` in page order. Pure and deterministic. */
export function decideDocument(blocks: readonly BlockEvidence[], matcher: Matcher, options?: FindOptions): DocumentResult {
  const steps = decideDocumentSteps(blocks, matcher, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** How many candidates the decision handles between two of its yields (a power of two). */
const STEP = 256;
const STEP_MASK = STEP - 1;

/**
 * decideDocument in steps: a generator that yields every STEP candidates or blocks, so that a page with a
 * giant block (10,000 candidates) is decided in the page's time slices (utils/page/document-pass.ts drives
 * it). Returns the decision when done. Each loop below is linear in the candidates (or blocks).
 */
export function* decideDocumentSteps(blocks: readonly BlockEvidence[], matcher: Matcher, options?: FindOptions): Generator<void, DocumentResult> {
  let work = 0;
  const actors = matcher.actors;
  const unmarked: Unmarked[] = [];
  const drop = (p: Placed, why: string) => {
    unmarked.push({
      block: p.block,
      start: p.c.start,
      end: p.c.end,
      actorId: actors[p.c.actor]!.id,
      surface: blocks[p.block]!.text.slice(p.c.start, p.c.end),
      why,
    });
  };
  const surfaceOf = (p: Placed) => blocks[p.block]!.text.slice(p.c.start, p.c.end);

  // Gather, in page order.
  const accepted: Placed[] = [];
  const deferred: Placed[] = [];
  /** Per actor: other people of that surname ("Fred Trump"), with where they are named. */
  const others = new Map<number, Anchor[]>();
  /** Per actor: neighbour words that made its surname someone else's in running text. */
  const otherWords = new Map<number, Set<string>>();
  /** Per actor and alias: contrary and support votes. */
  const votes = new Map<string, { contrary: number; support: number }>();
  /** Actors named in running text by a name that is not ambiguous: actor → that name. */
  const fullNames = new Map<number, string>();
  const spelled = new Map<string, string>();
  /** A common noun just given to another actor in a block ("the Erdogan regime"): block, actor, key → where. */
  const ownedByOther = new Map<string, number>();
  const ownedKey = (b: number, c: Candidate) => `${b}\u0000${c.actor}\u0000${c.key}`;
  let offset = 0;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    // Most blocks name no actor: they cost an addition (a yield every 4,096 of them).
    if (block.candidates.length === 0) {
      offset += block.text.length + 2;
      if ((b & 4095) === 4095) yield;
      continue;
    }
    if (block.spelled.size > 0) for (const [k, v] of block.spelled) if (!spelled.has(k)) spelled.set(k, v);
    for (const c of block.candidates) {
      if ((++work & STEP_MASK) === 0) yield;
      const p: Placed = { block: b, c, pos: offset + c.start };
      const rule = c.verdict.rule;
      // A word that says what the name stands for ("Kalın railway", "actor Erdoğan") votes against our sense.
      if (c.ambiguous && (rule === 'contrary-cue' || rule === 'support-cue' || rule === 'kind-word')) {
        const voteKey = `${c.actor}\u0000${c.key}`;
        const v = votes.get(voteKey) ?? { contrary: 0, support: 0 };
        if (rule !== 'support-cue') v.contrary++;
        else v.support++;
        votes.set(voteKey, v);
      }
      if (rule === 'other-modifier' && c.commonNoun && c.verdict.evidence && c.verdict.evidence[0] !== c.verdict.evidence[0]!.toLowerCase()) {
        if (!ownedByOther.has(ownedKey(b, c))) ownedByOther.set(ownedKey(b, c), c.start);
      }
      if (isCertain(c)) {
        accepted.push(p);
        if (!c.ambiguous && !fullNames.has(c.actor) && (c.multiWord || rule === 'given-name' || !c.surname)) {
          fullNames.set(c.actor, c.multiWord || rule !== 'given-name' ? surfaceOf(p) : `${c.verdict.evidence} ${surfaceOf(p)}`);
        }
      } else if (rule === 'no-support-cue' || rule === 'uncertain-caps') {
        // Spellings folded alike ("Erdogan", "Erdoğan") are decided once per place.
        const last = deferred[deferred.length - 1];
        if (!last || last.block !== b || last.c.start !== c.start || last.c.end !== c.end || last.c.actor !== c.actor) deferred.push(p);
      } else if (rule === 'other-given-name' || rule === 'followed-by-name') {
        const word = foldKey(c.verdict.evidence ?? '');
        let set = otherWords.get(c.actor);
        if (!set) otherWords.set(c.actor, (set = new Set()));
        set.add(word);
        // Another person of that name: "Fred Trump" (another given name), "Erdogan Atalay" (ours as a given name).
        if (c.surname) {
          let list = others.get(c.actor);
          if (!list) others.set(c.actor, (list = []));
          list.push({ pos: p.pos, name: rule === 'other-given-name' ? `${c.verdict.evidence} ${surfaceOf(p)}` : `${surfaceOf(p)} ${c.verdict.evidence}` });
        }
      }
    }
    offset += block.text.length + 2;
  }

  // 1. One sense per alias: contrary cues outvote support cues → another thing all through the page.
  const otherSense = (c: Candidate) => {
    if (!c.ambiguous || votes.size === 0) return false;
    const v = votes.get(`${c.actor}\u0000${c.key}`);
    return v !== undefined && v.contrary > v.support;
  };
  // 2. Acronyms spelled out: ours when the words are an alias of the same actor.
  const acronymSense = (c: Candidate): 'ours' | 'other' | null => {
    if (spelled.size === 0) return null;
    const phrase = spelled.get(c.key);
    if (phrase === undefined) return null;
    const folded = foldKey(phrase);
    return actors[c.actor]!.aliases.some((a) => foldKey(a.text) === folded) ? 'ours' : 'other';
  };

  const acceptedActors = new Set(accepted.map((p) => p.c.actor));
  let kept: Placed[] = [];
  for (const p of accepted) {
    if ((++work & STEP_MASK) === 0) yield;
    const owned = p.c.commonNoun && p.c.verdict.rule === 'support-cue' ? ownedByOther.get(ownedKey(p.block, p.c)) : undefined;
    if (owned !== undefined && owned < p.c.start) drop(p, `Not marked: this paragraph has just given \u201c${surfaceOf(p)}\u201d to someone else.`);
    else if (otherSense(p.c)) drop(p, `Not marked: on this page \u201c${surfaceOf(p)}\u201d is mostly used in another sense (the words around it say so more often than not).`);
    else if (acronymSense(p.c) === 'other') drop(p, `Not marked: this page spells out ${surfaceOf(p)} as \u201c${spelled.get(p.c.key)}\u201d.`);
    else kept.push(p);
  }
  const storyCandidates: Placed[] = [];
  for (const p of deferred) {
    if ((++work & STEP_MASK) === 0) yield;
    const { c } = p;
    const name = fullNames.get(c.actor);
    if (otherSense(c)) {
      drop(p, `Not marked: on this page \u201c${surfaceOf(p)}\u201d is mostly used in another sense.`);
      continue;
    }
    const acronym = acronymSense(c);
    if (acronym === 'other') {
      drop(p, `Not marked: this page spells out ${surfaceOf(p)} as \u201c${spelled.get(c.key)}\u201d.`);
      continue;
    }
    if (c.verdict.rule === 'uncertain-caps') {
      const word = foldKey(c.verdict.evidence ?? '');
      if (word !== '' && otherWords.get(c.actor)?.has(word)) {
        const after = blocks[p.block]!.text.slice(c.end).trimStart().startsWith(c.verdict.evidence!);
        const name = after ? `${surfaceOf(p)} ${c.verdict.evidence}` : `${c.verdict.evidence} ${surfaceOf(p)}`;
        drop(p, `Not marked: \u201c${name}\u201d is someone or something else: the page names them so in running text.`);
      } else if (name !== undefined || acceptedActors.has(c.actor)) {
        p.reason = { rule: 'page-name', evidence: name ?? actors[c.actor]!.name };
        kept.push(p);
      } else drop(p, `Not marked: written in capitals, where capitals say nothing, and the page does not name ${actors[c.actor]!.name} in running text.`);
      continue;
    }
    // An ambiguous short name with no cue near it.
    if (acronym === 'ours') {
      p.reason = { rule: 'acronym', evidence: spelled.get(c.key)! };
      kept.push(p);
    } else if (name !== undefined) {
      p.reason = { rule: 'page-name', evidence: name };
      kept.push(p);
    } else storyCandidates.push(p);
  }

  // 5. Surnames.
  const mine = new Map<number, Anchor[]>();
  for (const p of kept) {
    if ((++work & STEP_MASK) === 0) yield;
    const { c } = p;
    if (!others.has(c.actor)) continue;
    const strong = c.multiWord || (c.verdict.rule === 'given-name' && !GENERIC_TITLES.has(foldKey(c.verdict.evidence ?? '')));
    if (strong) {
      let list = mine.get(c.actor);
      if (!list) mine.set(c.actor, (list = []));
      list.push({ pos: p.pos, name: c.verdict.rule === 'given-name' ? `${c.verdict.evidence} ${surfaceOf(p)}` : surfaceOf(p) });
    }
  }
  for (const list of mine.values()) list.sort((x, y) => x.pos - y.pos);
  for (const list of others.values()) list.sort((x, y) => x.pos - y.pos);
  const bySurname: Placed[] = [];
  for (const p of kept) {
    if ((++work & STEP_MASK) === 0) yield;
    if (keepBySurname(p)) bySurname.push(p);
  }
  kept = bySurname;
  function keepBySurname(p: Placed): boolean {
    const { c } = p;
    const theirs = others.get(c.actor);
    if (!theirs) return true;
    const strong = c.multiWord || (c.verdict.rule === 'given-name' && !GENERIC_TITLES.has(foldKey(c.verdict.evidence ?? '')));
    if (strong) return true;
    const ours = mine.get(c.actor);
    if (!ours) {
      drop(p, `Not marked: this page names ${theirs[0]!.name}, another ${surfaceOf(p)}, and not ${actors[c.actor]!.name}.`);
      return false;
    }
    // The full name the page gave last before it (a bare name refers back); none before: the first after.
    const before = (list: Anchor[]) => {
      const i = firstAtOrAfter(list, p.pos) - 1;
      return i >= 0 ? list[i]! : null;
    };
    const after = (list: Anchor[]) => {
      let i = firstAtOrAfter(list, p.pos);
      while (i < list.length && list[i]!.pos === p.pos) i++;
      return i < list.length ? list[i]! : null;
    };
    let a = before(ours);
    let o = before(theirs);
    if (!a && !o) {
      a = after(ours);
      o = after(theirs);
    }
    const da = a ? Math.abs(a.pos - p.pos) : Infinity;
    const dother = o ? Math.abs(o.pos - p.pos) : Infinity;
    if (da < dother) {
      p.reason = { rule: 'nearest-name', evidence: a!.name };
      return true;
    }
    drop(p, da === dother ? `Not marked: the page names both ${a!.name} and ${o!.name}; this one cannot be told.` : `Not marked: the nearest full name on the page before it is ${o!.name}.`);
    return false;
  }

  // 6. Relevance, per fact base.
  const baseOf = baseIndexOf(matcher);
  const bases: BaseRelevance[] = [];
  const keepActor = new Set<number>();
  const story = new Set<number>();
  const coreCounts: number[] = [];
  for (let b = 0; b < matcher.factBases.length; b++) {
    const base = matcher.factBases[b]!;
    const present = new Map<number, Placed[]>();
    for (const p of kept) {
      if ((++work & STEP_MASK) === 0) yield;
      if (baseOf.get(p.c.actor) !== b) continue;
      let list = present.get(p.c.actor);
      if (!list) present.set(p.c.actor, (list = []));
      list.push(p);
    }
    const core = [...present.keys()].filter((a) => actors[a]!.peripheral !== true);
    const names = (list: number[]) => list.map((a) => actors[a]!.name);
    let coreMentions = 0;
    for (const a of core) coreMentions += present.get(a)!.length;
    const about = core.length >= ABOUT_ACTORS || (core.length >= 2 && coreMentions >= ABOUT_MENTIONS);
    coreCounts.push(core.length);
    let reason: string;
    const marked: number[] = [];
    if (about) {
      marked.push(...present.keys());
      story.add(b);
      reason = `Marked because this page is about \u201c${base.source.title}\u201d: it names ${listOf(names(core))}.`;
    } else if (core.length === 1) {
      const a = core[0]!;
      const support = loneSupport(a, present.get(a)!, blocks, matcher);
      if (support !== null) {
        marked.push(a);
        reason = `Marked: this page names ${actors[a]!.name} (${support}), but no other actor of \u201c${base.source.title}\u201d.`;
      } else reason = `Not marked: this page names only ${actors[a]!.name} of \u201c${base.source.title}\u201d, with nothing else of that story around it.`;
    } else if (present.size > 0) {
      reason = `Not marked: this page names only ${listOf(names([...present.keys()]))}, named on many pages; nothing else of \u201c${base.source.title}\u201d.`;
    } else reason = `Nothing of \u201c${base.source.title}\u201d on this page.`;
    for (const a of marked) keepActor.add(a);
    bases.push({
      sourceId: base.source.id,
      title: base.source.title,
      about,
      marked: names(marked),
      unmarkedActors: names([...present.keys()].filter((a) => !marked.includes(a))),
      reason,
    });
  }
  // An ambiguous short name with no cue near it gains from the story: on a page about it (three or more
  // of its core actors), it counts.
  for (const p of storyCandidates) {
    if ((++work & STEP_MASK) === 0) yield;
    const b = baseOf.get(p.c.actor)!;
    const base = bases[b]!;
    if (story.has(b) && coreCounts[b]! >= 3) {
      p.reason = { rule: 'page-story', evidence: base.title };
      kept.push(p);
    } else drop(p, `Not marked: \u201c${surfaceOf(p)}\u201d has several senses and nothing on the page says which.`);
  }
  const finalKept: Placed[] = [];
  for (const p of kept) {
    if ((++work & STEP_MASK) === 0) yield;
    if (keepActor.has(p.c.actor) || (story.has(baseOf.get(p.c.actor)!) && p.reason?.rule === 'page-story')) finalKept.push(p);
    else drop(p, bases[baseOf.get(p.c.actor)!]!.reason);
  }

  // Per block, sorted, no overlaps (longer first at one start), options applied.
  const perBlock = new Map<number, Placed[]>();
  for (const p of finalKept) {
    if ((++work & STEP_MASK) === 0) yield;
    let list = perBlock.get(p.block);
    if (!list) perBlock.set(p.block, (list = []));
    list.push(p);
  }
  const kinds = options?.kinds;
  const seen = options?.firstOnly === true ? new Set<number>() : null;
  // Most blocks show nothing: they share one empty list (never written to) instead of one each.
  const mentions: Mention[][] = new Array<Mention[]>(blocks.length).fill(NO_MENTIONS as Mention[]);
  // Blocks in page order (firstOnly keeps the first on the page).
  for (const b of [...perBlock.keys()].sort((x, y) => x - y)) {
    const list = perBlock.get(b)!;
    list.sort((x, y) => x.c.start - y.c.start || y.c.end - x.c.end);
    const out: Mention[] = [];
    let lastEnd = -1;
    for (const p of list) {
      if ((++work & STEP_MASK) === 0) yield;
      const { c } = p;
      if (c.start < lastEnd) continue;
      lastEnd = c.end;
      if (kinds && !kinds.includes(actors[c.actor]!.kind)) continue;
      if (seen) {
        if (seen.has(c.actor)) continue;
        seen.add(c.actor);
      }
      const m: Mention = { start: c.start, end: c.end, actorId: actors[c.actor]!.id, surface: blocks[b]!.text.slice(c.start, c.end) };
      const reason = p.reason ?? localReason(c);
      if (reason) m.reason = reason;
      out.push(m);
    }
    mentions[b] = out;
  }
  unmarked.sort((x, y) => x.block - y.block || x.start - y.start);
  return { mentions, bases, unmarked };
}

/** A full name and where the page gives it. */
interface Anchor {
  pos: number;
  name: string;
}

/** Index of the first anchor at or after `pos` (anchors sorted by pos). */
function firstAtOrAfter(list: readonly Anchor[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.pos < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function localReason(c: Candidate): MatchReason | undefined {
  const { rule, evidence } = c.verdict;
  if (rule === 'support-cue' || rule === 'given-name') return { rule, evidence: evidence ?? '' };
  return undefined;
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** How far from a lone actor's mention (in the page's text, into the blocks either side) its support cue may be. */
const SUPPORT_REACH = 2000;

/**
 * Why a lone core actor may still be marked, as a short phrase, or null: a full multi-word name, a name
 * confirmed in its block (given name, support cue), or one of its support cues around one of its mentions
 * (within SUPPORT_REACH characters, into the neighbouring blocks). Only the text around the mentions is read
 * again, each character at most once, never the whole page: the cost follows the actor's mentions, not the
 * page's length (a 20 MB block naming Russia once costs a few thousand characters).
 */
function loneSupport(actor: number, mentions: readonly Placed[], blocks: readonly BlockEvidence[], matcher: Matcher): string | null {
  const full = mentions.find((p) => p.c.multiWord || p.c.verdict.rule === 'given-name' || p.c.verdict.rule === 'support-cue');
  if (full) return `\u201c${blocks[full.block]!.text.slice(full.c.start, full.c.end)}\u201d`;
  if (matcher.actors[actor]!.cues.support.length === 0) return null;
  const ownNames = new Set(matcher.actors[actor]!.aliases.map((a) => foldKey(a.text)));
  // The spans to read, per block: around each mention, spilling into the block before and after.
  const spans = new Map<number, [number, number][]>();
  const add = (b: number, from: number, to: number) => {
    if (b < 0 || b >= blocks.length || to <= from) return;
    let list = spans.get(b);
    if (!list) spans.set(b, (list = []));
    list.push([from, to]);
  };
  for (const { block: b, c } of mentions) {
    const len = blocks[b]!.text.length;
    add(b, Math.max(0, c.start - SUPPORT_REACH), Math.min(len, c.end + SUPPORT_REACH));
    if (c.start < SUPPORT_REACH && b > 0) {
      const prev = blocks[b - 1]!.text.length;
      add(b - 1, Math.max(0, prev - (SUPPORT_REACH - c.start)), prev);
    }
    if (len - c.end < SUPPORT_REACH) add(b + 1, 0, Math.min(blocks[b + 1]?.text.length ?? 0, SUPPORT_REACH - (len - c.end)));
  }
  for (const b of [...spans.keys()].sort((x, y) => x - y)) {
    const text = blocks[b]!.text;
    const state = new BlockState(text, matcher);
    const list = spans.get(b)!.sort((x, y) => x[0] - y[0]);
    // Merged, so that each character is read once.
    let [from, to] = list[0]!;
    for (let k = 1; k <= list.length; k++) {
      const next = list[k];
      if (next && next[0] <= to) {
        to = Math.max(to, next[1]);
        continue;
      }
      // The actor's own names are no support ("Türkiye" beside "Turkey" names the same state again).
      const support = state.supportWhere(actor, from, to, (cue) => !ownNames.has(foldKey(cue)));
      if (support !== null) return `with \u201c${support}\u201d on the page`;
      if (next) [from, to] = next;
    }
  }
  return null;
}

/** Both phases over a page's blocks (in page order). */
export function findDocumentMentions(texts: readonly string[], matcher: Matcher, options?: FindOptions): DocumentResult {
  return decideDocument(
    texts.map((t) => collectBlock(t, matcher)),
    matcher,
    options,
  );
}

/**
 * A live page changed: `texts` is its new list of blocks, in page order. Re-collects only the blocks whose
 * text is not among the previous ones, decides again (cheap: candidates only) and returns the blocks to
 * repaint: those that are new and those whose final mentions changed.
 */
export function updateDocument(
  prev: DocumentState | null,
  texts: readonly string[],
  matcher: Matcher,
  options?: FindOptions,
): { state: DocumentState; repaint: number[] } {
  const reuse = new Map<string, { evidence: BlockEvidence; mentions: Mention[] }[]>();
  if (prev) {
    prev.blocks.forEach((evidence, i) => {
      let list = reuse.get(evidence.text);
      if (!list) reuse.set(evidence.text, (list = []));
      list.push({ evidence, mentions: prev.result.mentions[i]! });
    });
  }
  const previous: (Mention[] | null)[] = [];
  const blocks = texts.map((t) => {
    const old = reuse.get(t)?.shift();
    previous.push(old ? old.mentions : null);
    return old ? old.evidence : collectBlock(t, matcher);
  });
  const result = decideDocument(blocks, matcher, options);
  const repaint: number[] = [];
  result.mentions.forEach((m, i) => {
    const before = previous[i];
    if (before === null || !sameMentions(before!, m)) repaint.push(i);
  });
  return { state: { blocks, result }, repaint };
}

export function sameMentions(a: readonly Mention[], b: readonly Mention[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x.start !== y.start || x.end !== y.end || x.actorId !== y.actorId || x.reason?.rule !== y.reason?.rule || x.reason?.evidence !== y.reason?.evidence) return false;
  }
  return true;
}

/**
 * A human sentence for a mention decided on a page: why it is marked (card, popup, `factlens scan --explain`).
 * `base` is the page's decision for the mention's fact base, when known.
 */
export function describeMention(mention: Mention, base?: BaseRelevance): string {
  const own = describeReasonOf(mention.reason);
  return base && base.about ? `${base.reason} ${own}` : own;
}

/** The reason alone, as a sentence. */
export function describeReasonOf(reason: MatchReason | undefined): string {
  if (!reason) return 'Marked by name.';
  switch (reason.rule) {
    case 'support-cue':
      return `Marked because \u201c${reason.evidence}\u201d appears nearby.`;
    case 'given-name':
      return `Marked because it follows \u201c${reason.evidence}\u201d.`;
    case 'page-name':
      return `Marked because this page names ${reason.evidence}.`;
    case 'nearest-name':
      return `Marked because the nearest full name on this page is ${reason.evidence}.`;
    case 'acronym':
      return `Marked because this page spells it out as \u201c${reason.evidence}\u201d.`;
    case 'page-story':
      return `Marked because this page is about \u201c${reason.evidence}\u201d.`;
  }
}

/** The page's decision for the fact base an actor belongs to (first base naming that id), for describeMention. */
export function relevanceFor(doc: DocumentResult, matcher: Matcher, actorId: string): BaseRelevance | undefined {
  const b = matcher.factBases.findIndex((base) => base.actors.some((a) => a.id === actorId));
  return b >= 0 ? doc.bases[b] : undefined;
}
