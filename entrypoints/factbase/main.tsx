// The fact-base page: wiring only (state in utils/factbase-page/, views in components/factbase-page/).
import '../../utils/zod-locale';
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { FactbasePage } from '../../components/factbase-page/FactbasePage';
import { useFactbasePage } from '../../hooks/use-factbase-page';
import '../../components/factbase-page/factbase-page.css';

function App() {
  const { ready, model, actions } = useFactbasePage();
  useEffect(() => {
    if (!ready || !location.hash) return;
    // Deep link factbase.html#actor-id: bring the actor into view once the list exists.
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [ready]);
  return ready ? <FactbasePage model={model} actions={actions} /> : null;
}

render(<App />, document.getElementById('app')!);
