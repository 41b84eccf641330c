// The draft page: a fact pack drafted from the article the reader chose, reviewed before it is saved.
// Wiring only (state in hooks/use-draft-review.ts, edits in utils/draft-review/, views in components/draft-review/).
import '../../utils/zod-locale';
import { render } from 'preact';
import { DraftReview } from '../../components/draft-review/DraftReview';
import { useDraftReview } from '../../hooks/use-draft-review';
import '../../components/draft-review/draft-review.css';

function App() {
  const { model, actions } = useDraftReview();
  return <DraftReview model={model} actions={actions} />;
}

render(<App />, document.getElementById('app')!);
