// The toolbar popup: wiring only (state in hooks/use-popup.ts, views in components/popup/).
import '../../utils/zod-locale';
import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { usePopup } from '../../hooks/use-popup';
import { useMakePack } from '../../hooks/use-make-pack';
import '../../components/popup/popup.css';

function App() {
  const { ready, model, actions } = usePopup({ search: location.search, close: () => window.close() });
  const makePack = useMakePack(location.search);
  return ready ? <Popup model={model} actions={actions} makePack={makePack} /> : null;
}

render(<App />, document.getElementById('app')!);
