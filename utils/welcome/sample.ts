// The welcome page's sample: a short excerpt of the source article (verbatim, checked by a unit test), marked
// by the same engine and fact base as pages are, and cut into plain-text segments for a static view.
import { compileMatcher, findMentions } from '../engine';
import { FACT_BASES } from '../factbase/generated';
import type { ActorKind, CompiledFactBase } from '../factbase/types';

/** Paragraphs of assets/articles/idlib-2019.txt, as written there; together they name every kind. */
export const SAMPLE_PARAGRAPHS = [
  'US President Donald Trump has called for the governments in Moscow, Damascus and Tehran to stop the violence in Syria\'s rebel-held province of Idlib.',
  'Heightened regime and Russian bombardment has hit jihadist-held Idlib - the country\'s last major opposition bastion - since mid-December, as regime forces make steady advances on the ground despite an August ceasefire and UN calls for a de-escalation.',
  'The two sides also discussed Libya after Turkish President Tayyip Erdogan said last week his country would not remain silent in the face of "mercenaries" such as the Russian-backed Wagner group of private military contractors, supporting Khalifa Haftar\'s forces there.',
] as const;

export type SampleSegment = { text: string } | { text: string; actorId: string; name: string; kind: ActorKind };

/** One paragraph as text and marked mentions, in order (offsets from the engine's findMentions). */
export function markSample(paragraph: string, factBases: readonly CompiledFactBase[] = FACT_BASES): SampleSegment[] {
  const matcher = compileMatcher(factBases);
  const actors = new Map(factBases.flatMap((fb) => fb.actors.map((a) => [a.id, a] as const)));
  const out: SampleSegment[] = [];
  let at = 0;
  for (const m of findMentions(paragraph, matcher)) {
    const actor = actors.get(m.actorId);
    if (!actor) continue;
    if (m.start > at) out.push({ text: paragraph.slice(at, m.start) });
    out.push({ text: m.surface, actorId: actor.id, name: actor.name, kind: actor.kind });
    at = m.end;
  }
  if (at < paragraph.length) out.push({ text: paragraph.slice(at) });
  return out;
}
