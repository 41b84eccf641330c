// The toolbar popup: wiring only (state in hooks/use-popup.ts, views in components/popup/).
import '../../utils/zod-locale';
import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { usePopup } from '../../hooks/use-popup';
import { useShortcuts } from '../../hooks/use-shortcuts';
import { useMakePack } from '../../hooks/use-make-pack';
import { openShortcutSettings } from '../../utils/popup/shortcuts';
import { browser } from 'wxt/browser';
import '../../components/popup/popup.css';

function App() {
  const { ready, model, actions } = usePopup({ search: location.search, close: () => window.close() });
  const rows = useShortcuts();
  const makePack = useMakePack(location.search);
  // The toolbar popup closes by itself when the settings tab takes the focus.
  const shortcuts = { rows, onOpenSettings: () => void openShortcutSettings().catch(() => {}) };
  return ready ? (
    <Popup model={model} actions={actions} shortcuts={shortcuts} makePack={makePack} welcomeUrl={browser.runtime.getURL('/welcome.html')} />
  ) : null;
}

render(<App />, document.getElementById('app')!);
