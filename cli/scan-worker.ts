// A worker thread of `factlens scan` (run by piscina through cli/scan-thread.mjs): scans one page and returns
// its rows already formatted, with counts per actor for --summary, or the reason it failed. The fact bases
// come once per thread in workerData and are compiled once.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { workerData } from 'node:worker_threads';
import type { CompiledFactBase } from '../utils/factbase/types';
import type { PageTask } from './inputs';
import { reasonOf } from './inputs';
import { scanSetup, scanTask, type ScanSetup } from './scan';
import { formatNotes, formatRows, type OutputFormat } from './scan-format';

export interface WorkerData {
  packs: CompiledFactBase[];
  format: OutputFormat;
}

export type PageResult =
  | { ok: true; text: string; rows: number; counts: [string, number][] }
  | { ok: false; reason: string };

let setup: ScanSetup | null = null;

/** Scans one page; never throws (a broken page is a result, so the pool goes on). */
export async function scanOne(task: PageTask, data: WorkerData, shared?: ScanSetup): Promise<PageResult> {
  try {
    const s = shared ?? (setup ??= scanSetup(data.packs));
    const { url, rows, notes } = await scanTask(task, s);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.actorId, (counts.get(r.actorId) ?? 0) + 1);
    const text = formatRows(rows, data.format) + (data.format === 'explain' ? formatNotes(url, notes) : '');
    return { ok: true, text, rows: rows.length, counts: [...counts] };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  } finally {
    // happy-dom closes a page's Window asynchronously, and until it has, the whole DOM stays reachable. A pool
    // worker with tasks queued takes the next one at once (piscina's Atomics) and never turns its event loop
    // when a task is synchronous (a page out of a WARC: no file to await), so the windows piled up (4.5 GB at
    // 1,000 pages). One turn of the event loop per page lets each close finish.
    await nextTurn();
  }
}

export default function run(task: PageTask): Promise<PageResult> {
  return scanOne(task, workerData as WorkerData);
}
