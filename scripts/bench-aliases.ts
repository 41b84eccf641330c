// The fact base for the bench: the built-in ones (FACT_BASES), their alias texts for the
// peers, a copy padded to 10,000 synthetic aliases, and the engine bundled for the browser (esbuild) so the
// padded base can be timed in the page itself without a second build of the extension.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FACT_BASES } from '../utils/factbase/generated';
import type { CompiledActor, CompiledFactBase, ActorKind } from '../utils/factbase/types';
import { compileMatcher } from '../utils/engine/matcher';
import { matcherToWire } from '../utils/engine/ready';
import { leanFactBase, leanToWire } from '../utils/factbase/lean';
import { rng } from './bench-engine';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');

/** The built-in fact bases (FACT_BASES, the one list of them). */
export async function loadFactBases(): Promise<CompiledFactBase[]> {
  return FACT_BASES;
}

/** Every alias text of the fact bases, each once. */
export function aliasTexts(bases: CompiledFactBase[]): string[] {
  return [...new Set(bases.flatMap((b) => b.actors.flatMap((a) => a.aliases.map((al) => al.text))))];
}

export function aliasCount(bases: CompiledFactBase[]): number {
  return bases.reduce((n, b) => n + b.actors.reduce((m, a) => m + a.aliases.length, 0), 0);
}


const ONSETS = ['b', 'd', 'g', 'k', 'l', 'm', 'n', 'r', 'v', 'z', 'th', 'kh', 'zv', 'dr', 'qu'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ay', 'io', 'ue'];
const CODAS = ['', '', 'n', 'r', 'sk', 'v', 'zh', 'q'];
const KINDS: ActorKind[] = ['person', 'place', 'state', 'organisation', 'event'];

/**
 * A copy of the fact bases with synthetic actors added until there are `target` aliases in all: invented
 * names (two or three syllables, capitalised), a tenth of them two-word names and a tenth acronyms, with
 * the real case rules and a tenth ambiguous, so the matcher has the shape and size of a large fact base;
 * no synthetic alias holds a word of `avoidWords` (the measured text), so it finds no new mention.
 */
export function padFactBases(
  bases: CompiledFactBase[],
  target = 10_000,
  avoidWords: ReadonlySet<string> = new Set(),
  aliasesPerActor = 10,
): CompiledFactBase[] {
  const rnd = rng(0xfac7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const seen = new Set(aliasTexts(bases).map((t) => t.toLowerCase()));
  const word = (): string => {
    let w = '';
    const syllables = 2 + Math.floor(rnd() * 2);
    for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS) + (i === syllables - 1 ? pick(CODAS) : '');
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const fresh = (make: () => string): string => {
    for (;;) {
      const t = make();
      // Never a word the measured pages contain: the padding must add work, not mentions.
      if (!seen.has(t.toLowerCase()) && !t.toLowerCase().split(' ').some((w) => avoidWords.has(w))) {
        seen.add(t.toLowerCase());
        return t;
      }
    }
  };
  const actors: CompiledActor[] = [];
  let count = aliasCount(bases);
  for (let i = 0; count < target; i++) {
    const n = Math.min(aliasesPerActor, target - count);
    const aliases = Array.from({ length: n }, (_, j) => {
      const roll = (i * aliasesPerActor + j) % 10;
      if (roll === 0) {
        const acronym = fresh(() => Array.from({ length: 3 + Math.floor(rnd() * 2) }, () => pick([...'BCDFGHJKLMNPQRSTVWXZ'])).join(''));
        return { text: acronym, caseRule: 'exact' as const, ambiguous: false, surname: false };
      }
      if (roll === 1) return { text: fresh(() => `${word()} ${word()}`), caseRule: 'proper' as const, ambiguous: false, surname: false };
      return { text: fresh(word), caseRule: 'proper' as const, ambiguous: roll === 2, surname: false };
    });
    actors.push({
      id: `synthetic-${i}`,
      name: aliases[0]!.text,
      kind: KINDS[i % KINDS.length]!,
      identity: 'A synthetic actor of the bench',
      identityQuote: '',
      aliases,
      cues: { support: ['synthetic'], contrary: [] },
      givenNames: [],
      facts: [],
      related: [],
    });
    count += n;
  }
  const padding: CompiledFactBase = {
    formatVersion: 1,
    source: { id: 'bench-padding', title: 'Synthetic aliases', period: '', file: '', note: 'bench only' },
    actors,
  };
  return [...bases, padding];
}

/** The lower-cased words of some texts (letters and digits), for padFactBases's `avoidWords`. */
export function wordsOf(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const t of texts) for (const w of t.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) words.add(w);
  return words;
}

export const ENGINE_GLOBAL = '__factlensBenchEngine';

/**
 * A fact-base set as frames get it now: one JSON string (as the background's record holds it, or the build's
 * module) of the lean bases and their matcher's ready form. The bundled engine's compileMatcher takes it and hydrates instead of compiling.
 */
export function readySet(bases: readonly CompiledFactBase[]): { readyRecord: string } {
  const lean = bases.map(leanFactBase);
  return { readyRecord: JSON.stringify({ bases: lean.map(leanToWire), matcher: matcherToWire(compileMatcher(lean)) }) };
}

/**
 * utils/engine bundled as one browser script that sets globalThis.__factlensBenchEngine. Its compileMatcher
 * compiles a list of bases, or hydrates a readySet (JSON.parse, lean bases, matcherFromWire: a frame's work).
 */
export async function bundleEngine(): Promise<string> {
  const entry = path.join(REPO_ROOT, 'utils/engine/index.ts');
  if (!existsSync(entry)) throw new Error('utils/engine/index.ts does not exist yet');
  return bundleForPage(
    `import { compileMatcher, findMentions } from './utils/engine/index.ts';
import { matcherFromWire } from './utils/engine/ready.ts';
import { leanFromWire } from './utils/factbase/lean.ts';
const prepare = (set) => {
  if (!set || typeof set.readyRecord !== 'string') return compileMatcher(set);
  const record = JSON.parse(set.readyRecord);
  const matcher = matcherFromWire(record.bases.map(leanFromWire), record.matcher);
  if (!matcher) throw new Error('the ready form did not hydrate');
  return matcher;
};
globalThis.${ENGINE_GLOBAL} = { compileMatcher: prepare, findMentions };`,
    'bench-engine-entry.ts',
  );
}

/** A script for a page, bundled from entry code that imports the project's sources (resolved from the repo). */
export async function bundleForPage(contents: string, sourcefile: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: REPO_ROOT, sourcefile, loader: sourcefile.endsWith('.ts') ? 'ts' : 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
