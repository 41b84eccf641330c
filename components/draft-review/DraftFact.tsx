// One drafted fact: the article's sentence, verbatim (isolated), and its removal.
import type { CompiledFact } from '../../utils/factbase/types';

export interface DraftFactProps {
  fact: CompiledFact;
  /** Names of the other actors the fact involves. */
  others: string[];
  onRemove(): void;
}

export function DraftFact({ fact, others, onRemove }: DraftFactProps) {
  return (
    <li class="dr-fact" data-fact-id={fact.id}>
      <blockquote class="dr-quote" dir="auto">
        {fact.quote}
      </blockquote>
      <div class="dr-fact-foot">
        {others.length > 0 ? (
          <span class="dr-muted">
            Also about{' '}
            {others.map((name, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <bdi key={name}>{name}</bdi>
              </>
            ))}
          </span>
        ) : (
          <span />
        )}
        <button type="button" class="dr-link danger" onClick={onRemove}>
          Remove fact
        </button>
      </div>
    </li>
  );
}
