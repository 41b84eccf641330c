// Where the facts come from: the article (title, site, date, link), or how many articles when the actor is in
// several packs (each story's facts then carry their own source), and the way to the fact-base page.
import type { CompiledSource } from '../../utils/factbase/types';
import { FactSource } from './FactSource';

export interface SourceLineProps {
  source: CompiledSource;
  /** How many articles (packs) the card's facts come from. */
  stories?: number;
  onOpenFactbase(): void;
}

export function SourceLine({ source, stories = 1, onOpenFactbase }: SourceLineProps) {
  return (
    <div class="source" title={source.note}>
      {stories > 1 ? (
        <p class="source-text">{`Sources: ${stories} articles, each named above its facts`}</p>
      ) : (
        <div class="source-text">
          <span class="source-label">Source: </span>
          <FactSource source={source} />
        </div>
      )}
      <button type="button" class="link-button" onClick={onOpenFactbase}>
        All actors and facts
      </button>
    </div>
  );
}
