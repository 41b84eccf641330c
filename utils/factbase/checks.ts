// Checks shared by the spec validator (validate.ts) and the pack validator (pack.ts): quote matching,
// alias folding, and error paths in the style `actors[wagner-group].facts[2].quote: message`.
import type { z } from 'zod';
import type { CompiledFactBase } from './types';

export type FactBaseResult = { ok: true; factBase: CompiledFactBase } | { ok: false; errors: string[] };

// Quote-mark styles that count as the same mark: straight, curly, low-9, reversed and prime forms.
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;

/** The form quotes are compared in: one space for any run of whitespace, one style of quote mark. */
export function normalizeForQuote(text: string): string {
  return text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(/\s+/g, ' ').trim();
}

/** Returns a test for "this quote occurs in the article", ignoring only whitespace and quote-mark style. */
export function quoteFinder(articleText: string): (quote: string) => boolean {
  const article = normalizeForQuote(articleText);
  return (quote) => {
    const wanted = normalizeForQuote(quote);
    return wanted.length > 0 && article.includes(wanted);
  };
}

/** Case- and diacritic-folded form of an alias, the form in which two aliases count as the same name. */
export function foldAlias(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\u0131/g, 'i') // dotless ı has no decomposition: Kalın = Kalin
    .replace(/\s+/g, ' ')
    .trim();
}

interface ActorLike {
  id: string;
}

/**
 * How an actor is named in an error path: by id when its id is unique (`actors[russia]`), by index when the id
 * is missing or shared (`actors[4]`), so a path always points at one entry.
 */
export function actorLabeler(actors: readonly unknown[]): (index: number) => string {
  const counts = new Map<string, number>();
  const idOf = (actor: unknown): string | undefined => {
    const id = (actor as Partial<ActorLike> | null)?.id;
    return typeof id === 'string' && id.length > 0 ? id : undefined;
  };
  for (const actor of actors) {
    const id = idOf(actor);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return (index) => {
    const id = idOf(actors[index]);
    return id !== undefined && counts.get(id) === 1 ? `actors[${id}]` : `actors[${index}]`;
  };
}

/** zod issues as path-style lines; actors are named by id where the raw input allows. */
export function zodIssuesToErrors(issues: readonly z.core.$ZodIssue[], raw: unknown): string[] {
  const rawActors = (raw as { actors?: unknown } | null)?.actors;
  const labelActor = Array.isArray(rawActors) ? actorLabeler(rawActors) : (i: number) => `actors[${i}]`;
  return issues.map((issue) => {
    let path = '';
    issue.path.forEach((segment, i) => {
      if (typeof segment === 'number') {
        path += i === 1 && issue.path[0] === 'actors' ? labelActor(segment).slice('actors'.length) : `[${segment}]`;
      } else {
        path += `${path === '' ? '' : '.'}${String(segment)}`;
      }
    });
    return `${path === '' ? '(root)' : path}: ${issue.message}`;
  });
}

interface AliasOwner {
  actorIndex: number;
  aliasIndex: number;
  text: string;
  ambiguous: boolean;
}

/**
 * An alias may belong to two actors only if both mark it ambiguous (then context cues decide); the same alias
 * written twice in one actor is a slip. Reports each offending alias at its own path.
 */
export function aliasCollisionErrors(
  actors: readonly { id: string; aliases: readonly { text: string; ambiguous: boolean }[] }[],
  label: (index: number) => string,
): string[] {
  const errors: string[] = [];
  const owners = new Map<string, AliasOwner[]>();
  actors.forEach((actor, actorIndex) => {
    actor.aliases.forEach((alias, aliasIndex) => {
      const path = `${label(actorIndex)}.aliases[${aliasIndex}].text`;
      const key = foldAlias(alias.text);
      const earlier = owners.get(key) ?? [];
      const sameActor = earlier.find((o) => o.actorIndex === actorIndex && o.text === alias.text);
      if (sameActor) {
        errors.push(`${path}: alias "${alias.text}" is listed twice (also aliases[${sameActor.aliasIndex}])`);
      }
      const clash = earlier.find((o) => o.actorIndex !== actorIndex && !(o.ambiguous && alias.ambiguous));
      if (clash) {
        errors.push(
          `${path}: alias "${alias.text}" also belongs to ${label(clash.actorIndex)} (aliases[${clash.aliasIndex}]); ` +
            'mark it ambiguous on both actors or keep it on one',
        );
      }
      earlier.push({ actorIndex, aliasIndex, text: alias.text, ambiguous: alias.ambiguous });
      owners.set(key, earlier);
    });
  });
  return errors;
}

export const NOT_FOUND = 'not found in the article';
