import type { CompiledFactBase } from '../factbase/types';

export interface PackEntry {
  id: string;
  title: string;
  period: string;
  actorCount: number;
  builtIn: boolean;
  enabled: boolean;
  importedAt?: string;
  /** Stored and on, but not marked on pages: storage could not hold the frames' record with it. */
  notOnPages?: boolean;
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
  /** Downloads the pack's JSON (the import format), built-in ones included. */
  exportPack(id: string): void;
}

/** The page's data: every built-in base (listed first), then each imported pack; any can be off. */
export function factbasePageData(
  builtIn: readonly CompiledFactBase[],
  imported: readonly { id: string; importedAt: string; factBase: CompiledFactBase }[],
  disabledPacks: readonly string[],
  unreadable: string[] = [],
  dropped: readonly string[] = [],
): Pick<FactbasePageModel, 'factBases' | 'packs' | 'unreadable'> {
  const entry = (fb: CompiledFactBase, builtInBase: boolean, enabled: boolean): PackEntry => ({
    id: fb.source.id,
    title: fb.source.title,
    period: fb.source.period,
    actorCount: fb.actors.length,
    builtIn: builtInBase,
    enabled,
  });
  return {
    factBases: [...builtIn, ...imported.map((p) => p.factBase)],
    packs: [
      ...builtIn.map((fb) => entry(fb, true, !disabledPacks.includes(fb.source.id))),
      ...imported.map((p) => ({
        ...entry(p.factBase, false, !disabledPacks.includes(p.id)),
        importedAt: p.importedAt,
        ...(dropped.includes(p.id) && !disabledPacks.includes(p.id) ? { notOnPages: true } : {}),
      })),
    ],
    unreadable,
  };
}
