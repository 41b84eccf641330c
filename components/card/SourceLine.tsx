// Where the facts come from: the article's title and period, and the way to the fact-base page.
import type { CompiledSource } from '../../utils/factbase/types';

export interface SourceLineProps {
  source: CompiledSource;
  onOpenFactbase(): void;
}

export function SourceLine({ source, onOpenFactbase }: SourceLineProps) {
  return (
    <div class="source" title={source.note}>
      <p class="source-text">
        <span class="source-label">Source: </span>
        <cite class="source-title">{`“${source.title}”`}</cite>
        <span class="source-period">{`, ${source.period}`}</span>
      </p>
      <button type="button" class="link-button" onClick={onOpenFactbase}>
        All actors and facts
      </button>
    </div>
  );
}
