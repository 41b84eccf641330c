// "Make a fact pack from this article": the button and, for a page with no article, why.
import type { MakePackControl } from '../../utils/draft-flow/model';

export function MakePackButton({ state, make }: MakePackControl) {
  return (
    <div class="fl-make-pack">
      <button type="button" onClick={make} disabled={state.kind === 'working'} data-testid="make-pack">
        {state.kind === 'working' ? 'Reading the article…' : 'Make a fact pack from this article'}
      </button>
      {state.kind === 'refused' ? (
        <p class="fl-make-pack-problem" role="alert" data-testid="make-pack-problem">
          {state.message}
        </p>
      ) : state.kind === 'opened' ? (
        <p class="fl-muted" role="status">The draft opened in a new tab.</p>
      ) : null}
    </div>
  );
}
