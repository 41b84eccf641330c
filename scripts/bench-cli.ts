// Command-line scan at scale: pages per second of `factlens scan` on one core and on every core, over the
// shared news pages repeated to a collection (a folder of links to them, and one WARC file built from them),
// and the peak memory of the process as the collection grows (it must stay flat: pages stream through a
// bounded window). Each run is the real command as a child process (`node bin/factlens.mjs scan …`, rows to
// a counting sink); its CPU time and peak RSS (VmHWM, the kernel's high-water mark, threads included) are
// sampled from /proc every 50 ms. Start-up (tsx, worker threads, the matcher) is included in every figure.
//
// Run alone:  npx tsx scripts/bench-cli.ts [--pages 2000] [--sizes 500,1000,2000,4000] [--jobs N] [--no-write]
// From scripts/bench.ts: `const { benchCli } = await import('./bench-cli.ts'); (await benchCli()).markdown`.
// Writes the table into docs/cli-scale.md between its bench markers (unless --no-write).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WARCRecord } from 'warcio';
import { WARCSerializer } from 'warcio/node';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
const PAGES_DIR = path.resolve(REPO_ROOT, '../shared/fixtures/pages');
const DOC = path.join(REPO_ROOT, 'docs/cli-scale.md');
const START = '<!-- bench-cli:start -->';
const END = '<!-- bench-cli:end -->';
const CLOCK_TICK = 100; // USER_HZ on Linux

export interface CliRun {
  what: string;
  pages: number;
  jobs: number;
  seconds: number;
  cpuSeconds: number;
  pagesPerSec: number;
  peakRssMb: number;
  rows: number;
  exitCode: number;
}

export interface CliBenchOptions {
  pages?: number;
  sizes?: number[];
  jobs?: number;
  write?: boolean;
}

function fixtures(): string[] {
  return readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => path.join(PAGES_DIR, f));
}

/** A folder of `n` links to the fixtures, in cycles, 100 to a subfolder (as a crawl would be laid out). */
function linkFolder(root: string, n: number, pages: string[]): string {
  const dir = path.join(root, `folder-${n}`);
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, String(Math.floor(i / 100)).padStart(3, '0'));
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    symlinkSync(pages[i % pages.length]!, path.join(sub, `${String(i).padStart(5, '0')}-${path.basename(pages[i % pages.length]!)}`));
  }
  return dir;
}

/** One gzipped WARC file of `n` response records holding the fixtures, in cycles. */
async function warcFile(root: string, n: number, pages: string[]): Promise<string> {
  const file = path.join(root, `crawl-${n}.warc.gz`);
  const bodies = pages.map((p) => readFileSync(p));
  const parts: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const body = bodies[i % bodies.length]!;
    const record = WARCRecord.create(
      {
        url: `https://bench.invalid/${i}/${path.basename(pages[i % pages.length]!)}`,
        date: '2026-12-01T00:00:00Z',
        type: 'response',
        warcVersion: 'WARC/1.1',
        httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
        statusline: 'HTTP/1.1 200 OK',
      },
      [body],
    );
    parts.push(await WARCSerializer.serialize(record, { gzip: true }));
  }
  writeFileSync(file, Buffer.concat(parts));
  return file;
}

/** Reads utime+stime (seconds) and VmHWM (MB) of a live process, or null once it is gone. */
function sample(pid: number): { cpu: number; hwm: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICK;
    const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    return { cpu, hwm };
  } catch {
    return null;
  }
}

/** Runs `factlens scan --jobs J INPUT` as a child process and measures it. */
function runScan(what: string, input: string, pages: number, jobs: number): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/factlens.mjs'), 'scan', '--jobs', String(jobs), input], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let rows = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) rows++;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let last = { cpu: 0, hwm: 0 };
    const timer = setInterval(() => {
      const s = child.pid === undefined ? null : sample(child.pid);
      // A process that has exited (a zombie) shows no VmHWM: keep the last live sample.
      if (s && s.hwm > 0) last = s;
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) console.error(`  ${what}: exit ${code}\n${stderr.slice(0, 2000)}`);
      resolve({ what, pages, jobs, seconds, cpuSeconds: last.cpu, pagesPerSec: pages / seconds, peakRssMb: last.hwm, rows, exitCode: code ?? -1 });
    });
  });
}

const f1 = (n: number) => n.toFixed(1);

function table(runs: CliRun[]): string {
  const lines = [
    '| run | pages | threads | wall s | CPU s | CPU ÷ wall | pages/s | peak RSS MB | rows |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of runs) {
    lines.push(
      `| ${r.what} | ${r.pages} | ${r.jobs} | ${f1(r.seconds)} | ${f1(r.cpuSeconds)} | ${(r.cpuSeconds / r.seconds).toFixed(2)} | ${f1(r.pagesPerSec)} | ${Math.round(r.peakRssMb)} | ${r.rows}${r.exitCode === 0 ? '' : ` (exit ${r.exitCode})`} |`,
    );
  }
  return lines.join('\n');
}

export async function benchCli(options: CliBenchOptions = {}): Promise<{ runs: CliRun[]; markdown: string }> {
  if (!existsSync(PAGES_DIR)) {
    const skipped = `${PAGES_DIR} is absent: CLI bench skipped.`;
    return { runs: [], markdown: skipped };
  }
  const all = options.jobs ?? availableParallelism();
  const pages = options.pages ?? 2000;
  const sizes = options.sizes ?? [500, 1000, 2000, 4000];
  const list = fixtures();
  const root = mkdtempSync(path.join(tmpdir(), 'factlens-bench-cli-'));
  const runs: CliRun[] = [];
  const load = loadavg()[0]!;
  try {
    const folder = linkFolder(root, pages, list);
    const warc = await warcFile(root, pages, list);
    console.log(`  CLI bench: ${pages} pages (${list.length} shared pages in cycles), ${all} threads; load average ${load.toFixed(1)}`);
    for (const [what, input] of [
      ['folder', folder],
      ['WARC (.warc.gz)', warc],
    ] as const) {
      for (const jobs of all > 1 ? [1, all] : [1]) {
        const run = await runScan(what, input, pages, jobs);
        console.log(`  ${what}, ${jobs} thread(s): ${f1(run.pagesPerSec)} pages/s, CPU ÷ wall ${(run.cpuSeconds / run.seconds).toFixed(2)}`);
        runs.push(run);
      }
    }
    for (const n of sizes) {
      const run = await runScan(`memory: folder of ${n}`, n === pages ? folder : linkFolder(root, n, list), n, all);
      console.log(`  ${n} pages, ${all} threads: peak RSS ${Math.round(run.peakRssMb)} MB`);
      runs.push(run);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const byJobs = (what: string, jobs: number) => runs.find((r) => r.what === what && r.jobs === jobs);
  const speedups = ['folder', 'WARC (.warc.gz)']
    .map((w) => {
      const one = byJobs(w, 1);
      const many = byJobs(w, all);
      return one && many && all > 1 ? `${w} ${(many.pagesPerSec / one.pagesPerSec).toFixed(2)}×` : null;
    })
    .filter(Boolean);
  const mem = runs.filter((r) => r.what.startsWith('memory'));
  const memLine =
    mem.length > 1 ? `Peak RSS from ${mem[0]!.pages} to ${mem.at(-1)!.pages} pages: ${Math.round(mem[0]!.peakRssMb)} → ${Math.round(mem.at(-1)!.peakRssMb)} MB.` : '';
  const markdown = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus()[0]?.model.trim() ?? 'unknown CPU'} (${availableParallelism()} cores), Node ${process.version}, ` +
      `load average ${load.toFixed(1)} at the start (the machine is shared: CPU ÷ wall shows how much of it the scan got).`,
    '',
    table(runs),
    '',
    `Speed-up on ${all} threads: ${speedups.join(', ') || '—'}. ${memLine}`,
  ].join('\n');
  if (options.write !== false && existsSync(DOC)) {
    const doc = readFileSync(DOC, 'utf8');
    const a = doc.indexOf(START);
    const b = doc.indexOf(END);
    if (a >= 0 && b > a) writeFileSync(DOC, `${doc.slice(0, a + START.length)}\n${markdown}\n${doc.slice(b)}`);
  }
  return { runs, markdown };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = arg('--sizes')?.split(',').map(Number);
  const result = await benchCli({
    pages: arg('--pages') ? Number(arg('--pages')) : undefined,
    sizes,
    jobs: arg('--jobs') ? Number(arg('--jobs')) : undefined,
    write: !process.argv.includes('--no-write'),
  });
  console.log(`\n${result.markdown}`);
}
