// The welcome page, opened on install (utils/background/welcome.ts): wiring only.
import '../../utils/zod-locale';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { WelcomePage } from '../../components/welcome/WelcomePage';
import { useWelcome } from '../../hooks/use-welcome';
import { markSample, SAMPLE_PARAGRAPHS } from '../../utils/welcome/sample';
import cardPicture from '../../docs/screenshots/card.png';
import '../../components/popup/popup.css';
import '../../components/welcome/welcome.css';

const sample = SAMPLE_PARAGRAPHS.map((p) => markSample(p));

function App() {
  const { ready, model, actions } = useWelcome();
  return ready ? (
    <WelcomePage
      settings={model.settings}
      shortcuts={model.shortcuts}
      sample={sample}
      cardPicture={cardPicture}
      factbaseUrl={browser.runtime.getURL('/factbase.html')}
      onEnabledChange={actions.setEnabled}
      onMarkStyleChange={actions.setMarkStyle}
      onOpenShortcutSettings={actions.openShortcutSettings}
    />
  ) : null;
}

render(<App />, document.getElementById('app')!);
