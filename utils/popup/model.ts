// What the popup shows, as plain data: the hook (hooks/use-popup.ts) fills it, components/popup/ render it.
import type { Settings } from '../settings/schema';
import type { ActorGroup } from './actor-groups';

export type PageState =
  | { kind: 'loading' }
  /** The browser's own pages and add-on stores: no extension may run there. */
  | { kind: 'restricted'; url?: string }
  /** No answer from the page (restricted, or opened before Factlens was installed and not reloaded). */
  | { kind: 'unreachable' }
  | {
      kind: 'ready';
      url: string;
      hostname: string;
      active: boolean;
      groups: ActorGroup[];
      mentionCount: number;
      /** Fact bases whose actors the page names but which are not marked (the page is not about the story). */
      notMarked?: NotMarkedBase[];
    };

/** A fact base found but not marked on the page, and the page's reason. */
export interface NotMarkedBase {
  title: string;
  reason: string;
}

export type ExportFormat = 'json' | 'csv';

export interface PopupModel {
  settings: Settings;
  /** Stored settings could not be read and were reset (shown until dismissed). */
  wasReset: boolean;
  /** The tab's hostname when known ('' otherwise). */
  hostname: string;
  page: PageState;
  /** A line about the last action (export done, export failed), read to screen readers. */
  status: string;
}

export interface PopupActions {
  changeSettings(next: Settings): void;
  setEnabled(enabled: boolean): void;
  setSiteEnabled(enabled: boolean): void;
  showActor(actorId: string): void;
  exportMentions(format: ExportFormat): void;
  /** Opens the side panel (every mention in its sentence); absent where the browser has none. */
  openPanel?(): void;
  resetSettings(): void;
  dismissNotice(): void;
  /** The fact-base page's address. */
  factbaseUrl: string;
}
