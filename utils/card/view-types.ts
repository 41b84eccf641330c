// The contract between the card controller (in the content script, on every page) and the card's view
// (Preact, Floating UI, the Card components and stylesheet), which is loaded only when a card first opens:
// the controller imports these types alone, so none of the view's code ships in the content script.
import type { CardProps } from '../../components/card/types';
import type { Settings } from '../settings/schema';
import type { CompiledFactBase } from '../factbase/types';

export type CardViewProps = Omit<CardProps, 'initialFacts'>;

export interface CardShowOptions {
  /** Scroll the mention into view first (click and keyboard; a hovered mention is in view already). */
  reveal: boolean;
  /** Move focus into the card (opened from the keyboard). */
  focus: boolean;
  /** The mention can no longer be seen (scrolled out or gone). */
  onReferenceHidden(): void;
  /** Said by the host's live region (the keyboard path: "Russia, mention 3 of 12"); a hover says nothing. */
  announce?: string;
  /** Tab was pressed on the card's last control: focus goes back to the page. */
  onTabOut(): void;
}

export interface CardView {
  /** Factlens's host element once a card has opened, else null: events inside it are the card's own. */
  host(): HTMLElement | null;
  /** Shows the card for the mention's text, next to it (replacing any card shown). */
  show(range: Range, props: CardViewProps, theme: Settings['theme'], options: CardShowOptions): void;
  /** Draws the shown card again with new props or theme (no-op when none is shown). */
  redraw(props: CardViewProps, theme: Settings['theme']): void;
  /** Hides the card; the host stays for the next one. */
  hide(): void;
  /** Puts the host back where it can be seen (inside the fullscreen element when there is one). */
  place(): void;
  /** Hides and removes the host: the page is left as it was. */
  remove(): void;
}

export type CreateCardView = (doc: Document) => CardView;

/** What the card UI bundle (entrypoints/card-ui.ts) exports as its default. */
export interface CardUiModule {
  createCardView: CreateCardView;
  /** The built-in bases in full (facts, relations): the content script carries them lean (utils/card/facts.ts). */
  factBases: CompiledFactBase[];
}
