// The toolbar popup: wiring only (state in hooks/use-popup.ts, views in components/popup/).
import '../../utils/zod-locale';
import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { usePopup } from '../../hooks/use-popup';
import '../../components/popup/popup.css';

function App() {
  const { ready, model, actions } = usePopup({ search: location.search, close: () => window.close() });
  return ready ? <Popup model={model} actions={actions} /> : null;
}

render(<App />, document.getElementById('app')!);
