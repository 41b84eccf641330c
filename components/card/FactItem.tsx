// One fact: Factlens's statement with the article's figures emphasised, and its quote on demand.
import type { CompiledFact } from '../../utils/factbase/types';
import { splitFigures } from './figures';
import { Quote } from './Quote';

export interface FactItemProps {
  fact: CompiledFact;
}

export function FactItem({ fact }: FactItemProps) {
  const { pieces, unplaced } = splitFigures(fact.text, fact.figures);
  return (
    <li class="fact">
      <p class="fact-text" dir="auto">
        {pieces.map((p, i) => (p.figure ? <strong key={i} class="figure">{p.text}</strong> : p.text))}
      </p>
      {unplaced.length > 0 && (
        <p class="fact-figures">
          {unplaced.map((f, i) => (
            <strong key={i} class="figure">{f}</strong>
          ))}
        </p>
      )}
      {fact.quote !== '' && <Quote quote={fact.quote} />}
    </li>
  );
}
