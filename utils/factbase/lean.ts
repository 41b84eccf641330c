// The lean form of a fact base: what a frame needs to match and to name what it marks (ids, names, kinds,
// aliases with their rules, cues, given names, the source line) and none of what only the card shows
// (identity, facts, relations, the article's text). Frames match with it; the card swaps in the full bases
// when it first opens (utils/card/facts.ts). A lean actor is a CompiledActor with those fields empty, so the
// engine, the registry and the export rows take it as they are.
//
// Its wire form, for the frames' storage record (utils/packs/compiled.ts) and the build's generated module,
// is compact: 28,000 aliases as objects would be about 2 MB of JSON, as [text…] plus one flag letter each
// about 0.5 MB.
import { ACTOR_KINDS, type CaseRule, type CompiledActor, type CompiledAlias, type CompiledFactBase, type CompiledSource } from './types';
import { isRecord } from '../is-record';

/**
 * [id, name, kind, alias texts, one flag letter per alias, support cues, contrary cues, given names, peripheral].
 * The alias texts are one string, joined by a line feed (a frame parses one string an actor, not one an alias),
 * or a list when a text holds a line feed.
 */
export type LeanActorWire = [string, string, string, string | string[], string, string[], string[], string[], 0 | 1];

const TEXT_SEP = '\n';
const FLAGS = /^[a-l]*$/;

/** An actor's alias count; for an actor read from the wire, without making its aliases. */
export function aliasCount(actor: CompiledActor): number {
  return actor instanceof WireActor ? actor.aliasTotal : actor.aliases.length;
}

/** How many texts a joined string holds (separators counted, no string made). */
function joinedCount(joined: string): number {
  if (joined === '') return 0;
  let count = 1;
  for (let at = joined.indexOf(TEXT_SEP); at >= 0; at = joined.indexOf(TEXT_SEP, at + 1)) count++;
  return count;
}

function aliasesOf(texts: readonly string[], flags: string): CompiledAlias[] {
  const aliases: CompiledAlias[] = [];
  for (let i = 0; i < texts.length; i++) {
    const f = flags.charCodeAt(i) - FLAG_BASE;
    aliases.push({ text: texts[i]!, caseRule: CASE_RULES[f % 3]!, ambiguous: f % 6 >= 3, surname: f >= 6 });
  }
  return aliases;
}

export interface LeanBaseWire {
  source: CompiledSource;
  actors: LeanActorWire[];
}

const CASE_RULES: readonly CaseRule[] = ['proper', 'exact', 'any'];
const FLAG_BASE = 97; // 'a': caseRule index + 3 × ambiguous + 6 × surname

/** The lean copy of a fact base (the article's text left out of its source too). */
export function leanFactBase(base: CompiledFactBase): CompiledFactBase {
  const { text: _text, ...source } = base.source;
  return { formatVersion: 1, source, actors: base.actors.map(leanActor) };
}

function leanActor(actor: CompiledActor): CompiledActor {
  const lean: CompiledActor = {
    id: actor.id,
    name: actor.name,
    kind: actor.kind,
    identity: '',
    identityQuote: '',
    aliases: actor.aliases.map(({ text, caseRule, ambiguous, surname }) => ({ text, caseRule, ambiguous, surname })),
    cues: { support: [...actor.cues.support], contrary: [...actor.cues.contrary] },
    givenNames: [...actor.givenNames],
    facts: [],
    related: [],
  };
  if (actor.peripheral === true) lean.peripheral = true;
  return lean;
}

export function leanToWire(base: CompiledFactBase): LeanBaseWire {
  const { text: _text, ...source } = base.source;
  return {
    source,
    actors: base.actors.map((a) => [
      a.id,
      a.name,
      a.kind,
      a.aliases.some((al) => al.text === '' || al.text.includes(TEXT_SEP)) ? a.aliases.map((al) => al.text) : a.aliases.map((al) => al.text).join(TEXT_SEP),
      a.aliases
        .map((al) => String.fromCharCode(FLAG_BASE + CASE_RULES.indexOf(al.caseRule) + (al.ambiguous ? 3 : 0) + (al.surname ? 6 : 0)))
        .join(''),
      a.cues.support,
      a.cues.contrary,
      a.givenNames,
      a.peripheral === true ? 1 : 0,
    ]),
  };
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const KINDS: readonly string[] = ACTOR_KINDS;

/**
 * A lean actor read from the wire. Its aliases are made when first read: a frame reads the aliases of the few
 * actors its page names (the matcher counts them with aliasCount), not every alias of a 28,000-alias pack. A
 * class, so that making one is a few stores: a per-object accessor (Object.defineProperty) cost about 2 µs an
 * actor, half the hydrate of a 10,000-alias set. `aliases` is the prototype's getter, so a spread or
 * JSON.stringify of a WireActor leaves it out: nothing in a frame copies actors (compare with plainActor).
 */
class WireActor implements CompiledActor {
  readonly identity = '';
  readonly identityQuote = '';
  readonly facts: CompiledActor['facts'] = [];
  readonly related: CompiledActor['related'] = [];
  readonly peripheral: true | undefined;
  readonly aliasTotal: number;
  #aliases: CompiledAlias[] | null = null;
  constructor(
    readonly id: string,
    readonly name: string,
    readonly kind: CompiledActor['kind'],
    readonly texts: string | readonly string[],
    readonly flags: string,
    readonly cues: CompiledActor['cues'],
    readonly givenNames: string[],
    peripheral: boolean,
  ) {
    this.peripheral = peripheral ? true : undefined;
    this.aliasTotal = flags.length;
  }
  get aliases(): CompiledAlias[] {
    const texts = this.texts;
    return (this.#aliases ??= aliasesOf(typeof texts === 'string' ? (texts === '' ? [] : texts.split(TEXT_SEP)) : texts, this.flags));
  }
}

/** An actor as a plain object with every field its own (a WireActor's aliases made): for comparing and copying. */
export function plainActor(actor: CompiledActor): CompiledActor {
  const { id, name, kind, identity, identityQuote, aliases, cues, givenNames, facts, related, peripheral } = actor;
  return { id, name, kind, identity, identityQuote, aliases, cues, givenNames, facts, related, ...(peripheral === true ? { peripheral } : {}) };
}

/** The lean fact base of a wire form; null when it is not one (a structural check, no zod). */
export function leanFromWire(wire: unknown): CompiledFactBase | null {
  if (!isRecord(wire) || !isRecord(wire.source) || !Array.isArray(wire.actors)) return null;
  const source = wire.source;
  if (typeof source.id !== 'string' || typeof source.title !== 'string') return null;
  const actors: CompiledActor[] = [];
  for (const a of wire.actors as unknown[]) {
    if (!Array.isArray(a) || a.length !== 9) return null;
    const [id, name, kind, texts, flags, support, contrary, givenNames, peripheral] = a as unknown[];
    if (typeof id !== 'string' || typeof name !== 'string' || typeof kind !== 'string' || !KINDS.includes(kind)) return null;
    if (typeof flags !== 'string' || !FLAGS.test(flags)) return null;
    if (typeof texts === 'string' ? joinedCount(texts) !== flags.length : !isStrings(texts) || texts.length !== flags.length) return null;
    if (!isStrings(support) || !isStrings(contrary) || !isStrings(givenNames)) return null;
    actors.push(new WireActor(id, name, kind as CompiledActor['kind'], texts as string | string[], flags, { support, contrary }, givenNames, peripheral === 1));
  }
  return { formatVersion: 1, source: source as unknown as CompiledSource, actors };
}

/** A short stamp of a text (FNV-1a, 32 bits, hex): tells whether a stored record was made from this build's bases. */
export function stampOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
