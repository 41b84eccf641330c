// A few lines of the source article, marked as Factlens marks pages (same declarations, painted inline here:
// this is Factlens's own page, not a reader's). Each mark names its actor and kind for screen readers.
import type { ActorKind } from '../../utils/factbase/types';
import { declarations, type MarkVariant } from '../../utils/page/mark-styles';
import type { SampleSegment } from '../../utils/welcome/sample';

export interface SampleArticleProps {
  paragraphs: SampleSegment[][];
  variant: MarkVariant;
  colours: Record<ActorKind, string>;
  kinds: Record<ActorKind, boolean>;
  kindNames: Record<ActorKind, string>;
}

export function SampleArticle({ paragraphs, variant, colours, kinds, kindNames }: SampleArticleProps) {
  return (
    <blockquote class="wl-sample" data-testid="sample" cite="assets/articles/idlib-2019.txt">
      {paragraphs.map((segments, i) => (
        <p key={i}>
          {segments.map((s, j) =>
            'kind' in s && kinds[s.kind] ? (
              <mark key={j} class="wl-mark" data-kind={s.kind} data-actor-id={s.actorId} style={declarations(variant, colours[s.kind], s.kind)}>
                {s.text}
                <span class="wl-visually-hidden"> ({s.name}, {kindNames[s.kind]})</span>
              </mark>
            ) : (
              <span key={j}>{s.text}</span>
            ),
          )}
        </p>
      ))}
    </blockquote>
  );
}
