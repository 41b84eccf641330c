// `factlens scan`: export rows for every mention in files, folders and web archives, on all cores.
// Pages are read one at a time from the inputs (cli/inputs.ts), scanned by a piscina pool of worker threads
// (cli/scan-worker.ts; with --jobs 1 in this thread) and written AS THEY COME, in input order: at most a few
// pages per thread are in flight, so memory stays flat however large the collection. A page that cannot be
// read is reported on stderr with its reason, and the scan goes on.
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { FACT_BASES } from '../utils/factbase/generated';
import { validatePack } from '../utils/factbase/pack';
import type { CompiledFactBase } from '../utils/factbase/types';
import { inputBytes, inputPages, parseShard, reasonOf, type InputItem, type PageTask, type Shard } from './inputs';
import { createProgress, type ProgressSink } from './progress';
import { scanSetup } from './scan';
import { outputHead, type OutputFormat } from './scan-format';
import { scanOne, type PageResult, type WorkerData } from './scan-worker';

export const SCAN_USAGE = `usage: factlens scan [options] FILE|FOLDER|ARCHIVE.warc[.gz]...
  Folders are read recursively (.html, .htm, .txt, .warc, .warc.gz); from WARC files, the text/html responses.
  --format jsonl|csv  rows as JSON Lines (default) or CSV (UTF-8 with BOM, RFC 4180)
  --summary           instead of rows, one JSON line per actor: actorId, actor, count
  --explain           instead of rows, one line per mention: page, offsets, surface, actor, why it was marked
  --pack P.json       also scan with this fact pack (after the built-in base; repeatable), checked first
  --jobs N            worker threads (default: every core, ${availableParallelism()} here)
  --shard i/N         only pages i, i+N, i+2N… of the inputs in order (0 <= i < N): one job of N
exit status: 0 every page read; 2 some input failed (each named on stderr); 1 bad arguments or pack`;

export interface Output {
  write(text: string): unknown;
}

interface ScanArgs {
  inputs: string[];
  format: OutputFormat;
  summary: boolean;
  packFiles: string[];
  jobs: number;
  shard: Shard;
}

/** Parses the arguments, or returns the message to print. */
export function parseScanArgs(args: readonly string[]): ScanArgs | string {
  const parsed: ScanArgs = { inputs: [], format: 'jsonl', summary: false, packFiles: [], jobs: availableParallelism(), shard: { index: 0, count: 1 } };
  let explain = false;
  let format: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 ? arg.slice(eq + 1) : args[++i]);
    switch (name) {
      case '--summary':
        parsed.summary = true;
        break;
      case '--explain':
        explain = true;
        break;
      case '--format':
        format = value();
        if (format !== 'jsonl' && format !== 'csv') return `--format wants jsonl or csv, not "${format ?? ''}"`;
        parsed.format = format;
        break;
      case '--pack': {
        const file = value();
        if (!file) return '--pack wants a file';
        parsed.packFiles.push(file);
        break;
      }
      case '--jobs': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) return '--jobs wants a whole number of threads, at least 1';
        parsed.jobs = n;
        break;
      }
      case '--shard': {
        const shard = parseShard(value() ?? '');
        if (typeof shard === 'string') return shard;
        parsed.shard = shard;
        break;
      }
      default:
        if (arg.startsWith('--')) return `unknown option ${arg}`;
        parsed.inputs.push(arg);
    }
  }
  if (explain) {
    if (format !== undefined || parsed.summary) return '--explain prints lines of its own: not with --format or --summary';
    parsed.format = 'explain';
  }
  if (parsed.inputs.length === 0) return 'no input given';
  return parsed;
}

/** A pack file, validated as the fact-base page validates an import; faults as `file: path: message`. */
export async function loadPack(file: string): Promise<CompiledFactBase | string[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return [`${file}: ${error instanceof SyntaxError ? `not JSON: ${error.message}` : reasonOf(error)}`];
  }
  const result = validatePack(raw);
  if (!result.ok) return result.errors.map((e) => `${file}: ${e}`);
  const taken = FACT_BASES.find((b) => b.source.id === result.factBase.source.id);
  if (taken) return [`${file}: source.id: "${taken.source.id}" is the built-in fact base's id; give the pack its own`];
  return result.factBase;
}

let failedSoFar = () => 0;

/** What to do with one input, once its turn to be written comes. */
type Outcome = { name: string; bytes: number; page: boolean; result: PageResult };

export async function runScan(
  args: readonly string[],
  out: Output = process.stdout,
  err: ProgressSink = process.stderr,
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    await Promise.resolve(out.write(`${SCAN_USAGE}\n`));
    return 0;
  }
  const parsed = parseScanArgs(args);
  if (typeof parsed === 'string') {
    err.write(`factlens scan: ${parsed}\n${SCAN_USAGE}\n`);
    return 1;
  }
  const packs: CompiledFactBase[] = [];
  const packFaults: string[] = [];
  for (const file of parsed.packFiles) {
    const pack = await loadPack(file);
    if (Array.isArray(pack)) packFaults.push(...pack);
    else packs.push(pack);
  }
  if (packFaults.length > 0) {
    err.write(`factlens scan: the pack is refused, nothing scanned:\n${packFaults.map((f) => `  ${f}\n`).join('')}`);
    return 1;
  }

  // `factlens scan … | head`: the reader went away; stop quietly, as Unix tools do.
  if (out === process.stdout) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(failedSoFar() > 0 ? 2 : 0);
      throw error;
    });
  }
  const data: WorkerData = { packs, format: parsed.format };
  const setup = scanSetup(packs);
  const pool =
    parsed.jobs > 1
      ? new Piscina<PageTask, PageResult>({
          filename: new URL('./scan-thread.mjs', import.meta.url).href,
          minThreads: parsed.jobs,
          maxThreads: parsed.jobs,
          workerData: data,
        })
      : null;
  const scan = (task: PageTask): Promise<PageResult> => (pool ? pool.run(task) : scanOne(task, data, setup));

  const write = async (text: string) => {
    if (text && out.write(text) === false && 'once' in out) await once(out as NodeJS.WritableStream, 'drain');
  };
  const progress = createProgress(err, err.isTTY ? await inputBytes(parsed.inputs) : 0);
  const counts = new Map<string, number>();
  let failed = 0;
  failedSoFar = () => failed;
  const settle = async ({ name, bytes, page, result }: Outcome) => {
    if (result.ok) {
      if (parsed.summary) for (const [id, n] of result.counts) counts.set(id, (counts.get(id) ?? 0) + n);
      else await write(result.text);
    } else {
      failed++;
      progress.clear();
      err.write(`factlens scan: ${name}: ${result.reason}\n`);
    }
    progress.done(bytes, page);
  };

  // In order, a bounded window: each page starts as soon as it is read, and is written when all before it are.
  const window: Promise<Outcome>[] = [];
  const inFlight = parsed.jobs * 4;
  const toOutcome = (item: InputItem): Promise<Outcome> => {
    switch (item.type) {
      case 'page':
        return scan(item.task)
          .catch((error: unknown): PageResult => ({ ok: false, reason: `the worker failed: ${reasonOf(error)}` }))
          .then((result) => ({ name: item.task.name, bytes: item.bytes, page: true, result }));
      case 'error':
        return Promise.resolve({ name: item.name, bytes: item.bytes, page: false, result: { ok: false, reason: item.reason } });
      case 'skipped':
        return Promise.resolve({ name: '', bytes: item.bytes, page: false, result: { ok: true, text: '', rows: 0, counts: [] } });
    }
  };
  try {
    if (!parsed.summary) await write(outputHead(parsed.format));
    for await (const item of inputPages(parsed.inputs, parsed.shard)) {
      window.push(toOutcome(item));
      while (window.length >= inFlight) await settle(await window.shift()!);
    }
    while (window.length > 0) await settle(await window.shift()!);
  } finally {
    progress.end();
    await pool?.destroy();
  }

  if (parsed.summary) {
    const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [actorId, count] of rows) {
      await write(`${JSON.stringify({ actorId, actor: setup.registry.describe(actorId)?.name ?? actorId, count })}\n`);
    }
  }
  return failed > 0 ? 2 : 0;
}
