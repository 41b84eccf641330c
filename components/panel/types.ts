// The side panel's contract: what its views are given (data) and may do (callbacks). The hook
// (hooks/use-panel.ts) makes both; the views never call extension APIs.
import type { ExportRow } from '../../utils/export/row';
import type { Dossier } from '../../utils/panel/dossier';
import type { FilterOption, PackGroup, PanelFilter } from '../../utils/panel/rows';
import type { ActorKind } from '../../utils/factbase/types';
import type { Settings } from '../../utils/settings/schema';

export type PanelPage =
  | { kind: 'loading' }
  /** No content script answers: a browser page, an add-on store, a page still loading, or no tab. */
  | { kind: 'unreachable' }
  /** Factlens is off (everywhere or for this site). */
  | { kind: 'off'; url: string }
  | { kind: 'ready'; url: string; title: string; rows: ExportRow[] };

export interface PanelView {
  /** All the page's rows (one per mark), in document order. */
  total: number;
  /** The filtered rows, grouped (by pack, then actor). */
  groups: PackGroup[];
  /** The filtered rows in list order (what arrow keys walk). */
  shown: ExportRow[];
  options: { actors: FilterOption<string>[]; kinds: FilterOption<ActorKind>[]; packs: FilterOption<string>[] };
}

export interface PanelModel {
  page: PanelPage;
  view: PanelView;
  filter: PanelFilter;
  /** rowKey of the current mention, if any. */
  selected: string | null;
  /** The chosen actor's facts: the actor filter's, else the current mention's actor. */
  dossier: Dossier | null;
  /** The last action's outcome, read out (polite live region). */
  status: string;
  theme: Settings['theme'];
}

export type PanelExportFormat = 'json' | 'csv';

export interface PanelActions {
  setFilter(filter: PanelFilter): void;
  /** Makes a mention current and shows it on the page (scroll + flash). */
  reveal(row: ExportRow): void;
  copyWithSource(row: ExportRow): void;
  exportRows(format: PanelExportFormat): void;
}
