// What the marks mean: one sample per kind, painted exactly as the page paints it (the same declarations as
// the content script's ::highlight() rules), with the kind's line named in words, not by colour alone.
import { ACTOR_KINDS, type ActorKind } from '../../utils/factbase/types';
import { KIND_LABELS } from '../../utils/factbase/kinds';
import { declarations, KIND_LINES, nearestPaletteColour, type MarkVariant } from '../../utils/page/mark-styles';
import { MARK_PALETTE } from '../../utils/settings/palette';

export interface MarkLegendProps {
  variant: MarkVariant;
  colours: Record<ActorKind, string>;
  /** Kinds that are marked (the others are listed as not marked). */
  kinds: Record<ActorKind, boolean>;
  /** A compact row (the popup) or a list with words (the welcome page). */
  compact?: boolean;
}

const LINE_WORDS = { solid: 'solid line', dotted: 'dotted line', dashed: 'dashed line', double: 'double line', wavy: 'wavy line' } as const;

function colourName(hex: string): string {
  const near = nearestPaletteColour(hex);
  return MARK_PALETTE.find((c) => c.hex === near)?.name.toLowerCase() ?? near;
}

export function MarkLegend({ variant, colours, kinds, compact = false }: MarkLegendProps) {
  return (
    <ul class={compact ? 'fl-legend fl-legend-compact' : 'fl-legend'} aria-label="What the marks mean" data-testid="legend">
      {ACTOR_KINDS.map((kind) => {
        const colour = nearestPaletteColour(colours[kind]);
        const words = `${LINE_WORDS[KIND_LINES[kind]]}, ${colourName(colour)}`;
        return (
          <li key={kind} data-kind={kind} class={kinds[kind] ? '' : 'is-off'}>
            <span class="fl-legend-sample" style={declarations(variant, colour, kind)}>
              {KIND_LABELS[kind]}
            </span>
            <span class={compact ? 'fl-visually-hidden' : 'fl-legend-words'}>
              {compact ? `: ${words}` : ` ${words}`}
              {kinds[kind] ? '' : ' (not marked)'}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
