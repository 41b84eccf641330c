import type { CompiledFactBase } from '../factbase/types';

export interface PackEntry {
  id: string;
  title: string;
  period: string;
  actorCount: number;
  builtIn: boolean;
  enabled: boolean;
  importedAt?: string;
}

export type ImportState = { kind: 'idle' } | { kind: 'ok'; id: string } | { kind: 'refused'; fileName: string; errors: string[] };

export interface FactbasePageModel {
  /** Every pack's fact base (built-in first), for the list and the search. */
  factBases: CompiledFactBase[];
  packs: PackEntry[];
  query: string;
  importState: ImportState;
  /** Stored packs that no longer pass validation (left out). */
  unreadable: string[];
}

export interface FactbasePageActions {
  setQuery(query: string): void;
  importFile(file: { name: string; text(): Promise<string> }): void;
  setPackEnabled(id: string, enabled: boolean): void;
  removePack(id: string): void;
}
