// The side panel's list, decided in pure functions: which rows the filter keeps, how they group (by pack when
// several packs are on the page, then by actor, in order of first mention) and the counts, which add up to
// the rows (and so to the page's marks: one row per mark).
import type { ExportRow } from '../export/row';
import type { ActorKind } from '../factbase/types';

export interface PanelFilter {
  /** '' = every actor / kind / pack. */
  actorId: string;
  kind: ActorKind | '';
  pack: string;
}

export const NO_FILTER: PanelFilter = { actorId: '', kind: '', pack: '' };

/** A mention's key in the panel: its offsets in the page's visible text (unique: marks never overlap). */
export function rowKey(row: Pick<ExportRow, 'start' | 'end'>): string {
  return `${row.start}-${row.end}`;
}

export function filterRows(rows: readonly ExportRow[], filter: PanelFilter): ExportRow[] {
  return rows.filter(
    (r) => (!filter.actorId || r.actorId === filter.actorId) && (!filter.kind || r.kind === filter.kind) && (!filter.pack || r.pack === filter.pack),
  );
}

export interface ActorGroup {
  actorId: string;
  actor: string;
  kind: ActorKind;
  rows: ExportRow[];
}

export interface PackGroup {
  pack: string;
  packTitle: string;
  actors: ActorGroup[];
  count: number;
}

/** Rows grouped by pack, then actor; both in order of first appearance on the page (rows are in document order). */
export function groupRows(rows: readonly ExportRow[]): PackGroup[] {
  const packs = new Map<string, PackGroup>();
  const actors = new Map<string, ActorGroup>();
  for (const row of rows) {
    let pack = packs.get(row.pack);
    if (!pack) packs.set(row.pack, (pack = { pack: row.pack, packTitle: row.packTitle, actors: [], count: 0 }));
    const key = `${row.pack}\u0000${row.actorId}`;
    let actor = actors.get(key);
    if (!actor) {
      actor = { actorId: row.actorId, actor: row.actor, kind: row.kind, rows: [] };
      actors.set(key, actor);
      pack.actors.push(actor);
    }
    actor.rows.push(row);
    pack.count++;
  }
  return [...packs.values()];
}

/** The rows in the order the list shows them (group by group): the order arrow keys walk. */
export function listOrder(groups: readonly PackGroup[]): ExportRow[] {
  return groups.flatMap((p) => p.actors.flatMap((a) => a.rows));
}

export interface FilterOption<V extends string> {
  value: V;
  label: string;
  count: number;
}

/** What each filter can choose among, with counts over ALL rows (a choice never hides the others). */
export function filterOptions(rows: readonly ExportRow[]): {
  actors: FilterOption<string>[];
  kinds: FilterOption<ActorKind>[];
  packs: FilterOption<string>[];
} {
  const tally = <V extends string>(key: (r: ExportRow) => V, label: (r: ExportRow) => string): FilterOption<V>[] => {
    const out = new Map<V, FilterOption<V>>();
    for (const r of rows) {
      const v = key(r);
      const o = out.get(v);
      if (o) o.count++;
      else out.set(v, { value: v, label: label(r), count: 1 });
    }
    return [...out.values()];
  };
  return {
    actors: tally((r) => r.actorId, (r) => r.actor).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    kinds: tally((r) => r.kind, (r) => r.kind),
    packs: tally((r) => r.pack, (r) => r.packTitle || r.pack),
  };
}

/** A filter whose choices are still on the page (an actor that left the page, after new text, is dropped). */
export function keepValidFilter(filter: PanelFilter, rows: readonly ExportRow[]): PanelFilter {
  return {
    actorId: filter.actorId && rows.some((r) => r.actorId === filter.actorId) ? filter.actorId : '',
    kind: filter.kind && rows.some((r) => r.kind === filter.kind) ? filter.kind : '',
    pack: filter.pack && rows.some((r) => r.pack === filter.pack) ? filter.pack : '',
  };
}
