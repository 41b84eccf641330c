// The side panel (Chrome) / sidebar (Firefox): wiring only (state in hooks/use-panel.ts, views in components/panel/).
import '../../utils/zod-locale';
import { render } from 'preact';
import { Panel } from '../../components/panel/Panel';
import { usePanel } from '../../hooks/use-panel';
import '../../components/panel/panel.css';

function App() {
  const { model, actions } = usePanel(location.search);
  return <Panel model={model} actions={actions} />;
}

render(<App />, document.getElementById('app')!);
