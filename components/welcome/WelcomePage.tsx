// The page opened once, on install: what the marks mean (a legend and a marked sample of the article), the
// keys as the browser bound them, the switches, and a picture of the card.
import { ACTOR_KINDS, type ActorKind } from '../../utils/factbase/types';
import { variantOf } from '../../utils/page/mark-styles';
import type { ShortcutRow } from '../../utils/popup/shortcuts';
import type { Settings } from '../../utils/settings/schema';
import type { SampleSegment } from '../../utils/welcome/sample';
import { MarkLegend } from '../popup/MarkLegend';
import { ShortcutList } from '../popup/ShortcutList';
import { Switch } from '../popup/Switch';
import { SampleArticle } from './SampleArticle';

export interface WelcomePageProps {
  settings: Settings;
  shortcuts: ShortcutRow[] | null;
  sample: SampleSegment[][];
  /** A screenshot of the card, open on a mention. */
  cardPicture: string;
  factbaseUrl: string;
  onEnabledChange(enabled: boolean): void;
  onMarkStyleChange(markStyle: Settings['markStyle']): void;
  onOpenShortcutSettings(): void;
}

const KIND_NAMES: Record<ActorKind, string> = { person: 'person', place: 'place', state: 'state', organisation: 'organisation', event: 'event' };
const LOOKS: { value: Settings['markStyle']; label: string }[] = [
  { value: 'underline', label: 'Underline' },
  { value: 'tint', label: 'Tint' },
  { value: 'both', label: 'Both' },
];

export function WelcomePage(props: WelcomePageProps) {
  const { settings } = props;
  const variant = variantOf(settings);
  return (
    <div class="wl-page fl-popup" data-theme={settings.theme}>
      <header class="wl-header">
        <img src="/icon/48.png" width="48" height="48" alt="" />
        <h1>Welcome to Factlens</h1>
      </header>
      <main>
        <p class="wl-lead">
          Factlens marks the actors of a news story — people, places, states, organisations, events — on the pages you
          read. Point at or focus a mark, or press a key, and a card says what the source article says about that actor,
          in the article's own words. Nothing leaves your browser.
        </p>

        <section aria-labelledby="wl-marks">
          <h2 id="wl-marks">What the marks mean</h2>
          <p>Each kind has its own line, so the kind shows even without its colour:</p>
          <MarkLegend variant={variant} colours={settings.colours} kinds={settings.kinds} />
          <fieldset class="wl-looks">
            <legend>Look of the marks</legend>
            {LOOKS.map((l) => (
              <label key={l.value}>
                <input type="radio" name="look" value={l.value} checked={settings.markStyle === l.value} onChange={() => props.onMarkStyleChange(l.value)} /> {l.label}
              </label>
            ))}
          </fieldset>
          <h3>On a page, it looks like this</h3>
          <SampleArticle paragraphs={props.sample} variant={variant} colours={settings.colours} kinds={settings.kinds} kindNames={KIND_NAMES} />
          <p class="wl-source">From the source article (Syria, Idlib, late December 2019). Kinds: {ACTOR_KINDS.map((k) => KIND_NAMES[k]).join(', ')}.</p>
        </section>

        <section aria-labelledby="wl-card">
          <h2 id="wl-card">The card</h2>
          <figure class="wl-figure">
            <img src={props.cardPicture} alt="A news page with its actors marked; the card of the Wagner group is open beside its mention, with its facts, each quoting the article, and related actors." />
            <figcaption>
              The card: who or what the actor is, the facts with the article's sentence, related actors, and how often the page
              names it. Every actor and fact is also on the <a href={props.factbaseUrl}>fact-base page</a>.
            </figcaption>
          </figure>
        </section>

        <section aria-labelledby="wl-keys-switches">
          <h2 id="wl-keys-switches">Keys and switches</h2>
          {props.shortcuts ? (
            <ShortcutList rows={props.shortcuts} onOpenSettings={props.onOpenShortcutSettings} headingLevel={3} />
          ) : null}
          <div class="fl-switches">
            <Switch
              label="Factlens"
              hint={settings.enabled ? 'On for all sites' : 'Off everywhere'}
              checked={settings.enabled}
              onChange={props.onEnabledChange}
              testId="welcome-enabled"
            />
          </div>
          <p>
            The toolbar button opens the popup: the same switch, one for the site you are on, the actors of the page (choose one
            to go to it) and all the options.
          </p>
        </section>
      </main>
    </div>
  );
}
