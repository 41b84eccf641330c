// What the page-level decision (issue 12, the document pass) costs in the built extension: on the largest
// shared real pages and on the largest one with its body twice (linear in the page's length?), the first
// pass's factlens:scan measure gives `decideMs` (the decision alone, inside the slices) beside `workMs` (the
// slices' whole work: reading, matching, deciding, indexing). Goal: decision < 10 % of the scan.
//
// Run after `npm run build`: npx tsx scripts/bench-decision.ts   (or FACTLENS_BENCH_SECTIONS=decision in bench.ts)
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { visibleBlocksOfHtml } from '../cli/scan';
import { SHARED_PAGES, launchChromium, serveFixtures, type ExtensionBrowser } from './lib/browser';

interface PassFigures {
  decideMs: number;
  workMs: number;
  chars: number;
}

export interface DecisionRow {
  page: string;
  chars: number;
  decideMs: number;
  workMs: number;
  share: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** The body of a page twice, in one page (same head). */
function doubled(html: string): string {
  const open = /<body\b[^>]*>/i.exec(html);
  const close = html.search(/<\/body\s*>/i);
  if (!open || close < 0) return html + html;
  const start = open.index + open[0].length;
  const body = html.slice(start, close);
  return html.slice(0, start) + body + body + html.slice(close);
}

/** The first pass's figures, or null when the loader's gate found no actor's word and loaded nothing. */
async function firstPass(ext: ExtensionBrowser, url: string): Promise<PassFigures | null> {
  const page = await ext.page();
  try {
    await page.goto(url, { waitUntil: 'load' });
    // The first pass's measure, or the gate's verdict that the frame has nothing to read.
    await page.waitForFunction(
      () =>
        performance.getEntriesByName('factlens:scan').length > 0 ||
        performance.getEntriesByName('factlens:gate').some((e) => (e as PerformanceMeasure).detail?.pass === false),
      null,
      { timeout: 60_000 },
    );
    return await page.evaluate(() => {
      const scan = performance.getEntriesByName('factlens:scan')[0] as PerformanceMeasure | undefined;
      if (!scan) return null;
      const d = scan.detail as PassFigures;
      return { decideMs: d.decideMs, workMs: d.workMs, chars: d.chars };
    });
  } finally {
    await page.close();
  }
}

export async function benchDecision(options: { pages?: number; runs?: number } = {}): Promise<{ rows: DecisionRow[]; markdown: string }> {
  const count = options.pages ?? 8;
  const runs = options.runs ?? 3;
  const files = readdirSync(SHARED_PAGES)
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const html = readFileSync(path.join(SHARED_PAGES, f), 'utf8');
      return { f, html, chars: visibleBlocksOfHtml(html).reduce((n, b) => n + b.length, 0) };
    })
    .sort((a, b) => b.chars - a.chars)
    .slice(0, count);
  const largest = files[0]!;
  const twiceLabel = `${largest.f} ×2`;
  const served: Record<string, string> = Object.fromEntries(files.map((p) => [`/${p.f}`, p.html]));
  served['/doubled.html'] = doubled(largest.html);
  const server = await serveFixtures(served);
  const ext = await launchChromium();
  const rows: DecisionRow[] = [];
  const skipped: string[] = [];
  try {
    // Nothing leaves the machine: every request not for the fixture server is aborted.
    // The extension's own files (the content app the loader imports) load; nothing else leaves the fixture server.
    await ext.context.route(/.*/, (route) => {
      const url = route.request().url();
      return url.startsWith(server.origin) || url.startsWith('chrome-extension://') ? route.continue() : route.abort();
    });
    await firstPass(ext, server.url(`/${largest.f}`)); // warm-up
    const targets = [...files.map((p) => ({ label: p.f, path: `/${p.f}` })), { label: twiceLabel, path: '/doubled.html' }];
    for (const t of targets) {
      const samples: PassFigures[] = [];
      for (let r = 0; r < runs; r++) {
        const s = await firstPass(ext, server.url(t.path));
        if (s) samples.push(s);
      }
      if (samples.length === 0) {
        skipped.push(t.label);
        console.log(`  ${t.label}: not scanned (the loader's gate found no actor's word)`);
        continue;
      }
      const decideMs = median(samples.map((s) => s.decideMs));
      const workMs = median(samples.map((s) => s.workMs));
      rows.push({ page: t.label, chars: samples[0]!.chars, decideMs, workMs, share: median(samples.map((s) => s.decideMs / s.workMs)) });
      console.log(`  ${t.label}: decision ${decideMs.toFixed(2)} ms of ${workMs.toFixed(1)} ms scan work`);
    }
  } finally {
    await ext.close();
    await server.close();
  }
  const pages = rows.filter((r) => r.page !== twiceLabel);
  const total = pages.reduce((a, r) => ({ d: a.d + r.decideMs, w: a.w + r.workMs }), { d: 0, w: 0 });
  const single = rows.find((r) => r.page === largest.f);
  const twice = rows.find((r) => r.page === twiceLabel);
  const markdown = [
    `| page | visible chars | decision (ms) | scan work (ms) | decision ÷ scan |`,
    `|---|---|---|---|---|`,
    ...rows.map((r) => `| ${r.page} | ${r.chars.toLocaleString('en-GB')} | ${r.decideMs.toFixed(2)} | ${r.workMs.toFixed(1)} | ${(r.share * 100).toFixed(1)} % |`),
    '',
    `Medians of ${runs} fresh loads each, first pass (factlens:scan detail.decideMs ÷ detail.workMs), Chromium headless, built extension. ` +
      `All ${pages.length} scanned pages: ${((total.d / total.w) * 100).toFixed(1)} % (goal < 10 %). ` +
      (single && twice
        ? `Twice the text: decision ×${(twice.decideMs / single.decideMs).toFixed(2)}, scan ×${(twice.workMs / single.workMs).toFixed(2)}.`
        : '') +
      (skipped.length ? ` Not scanned, the loader's gate finding no actor's word: ${skipped.join(', ')}.` : ''),
  ].join('\n');
  return { rows, markdown };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchDecision({ runs: Number(process.env.FACTLENS_BENCH_RUNS ?? 3) })
    .then(({ markdown }) => console.log('\n' + markdown))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
