// The matcher compiled in slices (what a page does, so that a big pack is never one long task) is the
// matcher compiled at once: the same mentions on the article and on the shared news pages, with the real
// fact base alone and with thousands of synthetic aliases added (then the compile really pauses).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher, compileMatcherInSlices, findMentions } from '../../utils/engine/index';
import { FACT_BASES } from '../../utils/factbase/generated';
import type { CompiledActor, CompiledFactBase } from '../../utils/factbase/types';
import { SHARED_PAGES } from '../../scripts/lib/paths';

const PAGES = SHARED_PAGES;

/** Visible-ish text of a saved page: tags dropped (the engine sees text, not markup). */
const textOf = (html: string) => html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ');

function texts(): string[] {
  const out = [readFileSync('assets/articles/idlib-2019.txt', 'utf8')];
  if (existsSync(PAGES)) {
    for (const f of readdirSync(PAGES).filter((n) => n.endsWith('.html')).sort().slice(0, 12)) {
      out.push(textOf(readFileSync(path.join(PAGES, f), 'utf8')));
    }
  }
  return out;
}

/** A base of `n` invented one-word aliases (ten to an actor), none of them a word of the texts. */
function synthetic(n: number): CompiledFactBase {
  const actors: CompiledActor[] = [];
  for (let i = 0; i * 10 < n; i++) {
    actors.push({
      id: `synthetic-${i}`,
      name: `Qzx${i}`,
      kind: 'person',
      identity: '',
      identityQuote: '',
      aliases: Array.from({ length: 10 }, (_, j) => ({ text: `Qzx${i}v${j}`, caseRule: 'proper' as const, ambiguous: false, surname: false })),
      cues: { support: ['synthetic'], contrary: [] },
      givenNames: [],
      facts: [],
      related: [],
    });
  }
  return { formatVersion: 1, source: { id: 'synthetic', title: '', period: '', file: '', note: '' }, actors };
}

describe('compileMatcherInSlices', () => {
  it('gives the same mentions as compileMatcher on the article and the shared pages, pausing on a big base', async () => {
    for (const bases of [FACT_BASES, [...FACT_BASES, synthetic(20_000)]]) {
      let pauses = 0;
      let clock = 0;
      // A clock that moves 1 ms per reading: every step of the compile ends a slice of 0 ms.
      const sliced = await compileMatcherInSlices(bases, async () => void pauses++, 0, () => clock++);
      const whole = compileMatcher(bases);
      if (bases.length > FACT_BASES.length) expect(pauses).toBeGreaterThan(5);
      for (const text of texts()) expect(findMentions(text, sliced)).toEqual(findMentions(text, whole));
      expect(findMentions('Qzx7v3 met Erdoğan in Idlib.', sliced).map((m) => m.actorId)).toEqual(
        findMentions('Qzx7v3 met Erdoğan in Idlib.', whole).map((m) => m.actorId),
      );
    }
  });

  it('does not pause at all for the real fact base within its slice', async () => {
    let pauses = 0;
    await compileMatcherInSlices(FACT_BASES, async () => void pauses++, 10_000);
    expect(pauses).toBe(0);
  });
});
