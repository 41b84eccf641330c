// `factlens scan` at scale: folders, WARC archives, broken inputs, packs, --explain, --shard, CSV, and the
// command run as a process with two worker threads.
// (The small pages name three actors of the story: one or two named in passing are not marked, issue 12.)
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARCRecord } from 'warcio';
import { WARCSerializer } from 'warcio/node';
import { inputPages, parseShard, type InputItem } from '../../cli/inputs';
import { createProgress, progressLine } from '../../cli/progress';
import { runScan, type ScanPool } from '../../cli/scan-command';
import { scanOne, type WorkerData } from '../../cli/scan-worker';
import { UTF8_BOM, CSV_COLUMNS } from '../../utils/export/serialise';
import { ExportRowSchema } from '../../utils/export/row-schema';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir = '';

async function warcOf(records: { url: string; type?: string; contentType: string; body: string; date?: string }[], gzip: boolean): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for (const r of records) {
    const record = WARCRecord.create(
      { url: r.url, date: r.date ?? '2026-01-02T03:04:05Z', type: (r.type ?? 'response') as 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': r.contentType }, statusline: 'HTTP/1.1 200 OK' },
      (async function* () {
        yield new TextEncoder().encode(r.body);
      })(),
    );
    parts.push(await WARCSerializer.serialize(record, { gzip }));
  }
  return Buffer.concat(parts);
}

/** Runs the command in this process (--jobs 1 unless given), capturing stdout and stderr. */
async function scan(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runScan(args.includes('--jobs') ? args : ['--jobs', '1', ...args], { write: (t: string) => (out += t) }, { write: (t: string) => (err += t) });
  return { code, out, err };
}

const jsonLines = (text: string) => text.trim().split('\n').filter(Boolean).map((l) => ExportRowSchema.parse(JSON.parse(l)));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'factlens-scan-'));
  mkdirSync(path.join(dir, 'pages/b/deeper'), { recursive: true });
  writeFileSync(path.join(dir, 'pages/a.html'), '<title>Page A</title><p>Russia and Turkey fought in Idlib.</p>');
  writeFileSync(path.join(dir, 'pages/b/c.htm'), '<p>Russia and Iran met in Syria.</p>');
  writeFileSync(path.join(dir, 'pages/b/deeper/d.txt'), 'Khalifa Haftar spoke.');
  writeFileSync(path.join(dir, 'pages/b/notes.md'), 'Syria, not read: not a page');
  writeFileSync(path.join(dir, 'pages/b/img.png'), 'Syria');
  symlinkSync(path.join(dir, 'pages/a.html'), path.join(dir, 'pages/link.html'));
  writeFileSync(
    path.join(dir, 'crawl.warc.gz'),
    await warcOf(
      [
        { url: 'https://news.test/1', contentType: 'text/html; charset=utf-8', body: '<title>One</title><p>Turkey sent troops to Idlib in Syria.</p>', date: '2019-12-24T10:00:00Z' },
        { url: 'https://news.test/logo.png', contentType: 'image/png', body: 'Syria' },
        { url: 'https://news.test/2', type: 'request', contentType: 'text/html', body: 'Syria' },
        { url: 'https://news.test/3', contentType: 'text/html', body: '<p>Damascus said no to the rebels.</p>' }, // a lone actor with a cue of the story (its own names are no support)
      ],
      true,
    ),
  );
  writeFileSync(path.join(dir, 'plain.warc'), await warcOf([{ url: 'https://news.test/p', contentType: 'text/html', body: '<p>The UN spoke.</p>' }], false));
  // Broken inputs: a link to nothing, an archive that is not one.
  mkdirSync(path.join(dir, 'broken'));
  writeFileSync(path.join(dir, 'broken/ok.html'), '<p>Moscow and Ankara said yes to Damascus.</p>');
  symlinkSync(path.join(dir, 'gone.html'), path.join(dir, 'broken/dangling.html'));
  writeFileSync(path.join(dir, 'broken/bad.warc.gz'), Buffer.from('this is not gzip at all, nor a WARC'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(args: string[], shard = { index: 0, count: 1 }): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of inputPages(args, shard)) items.push(item);
  return items;
}

describe('the inputs', () => {
  it('walk folders recursively, in path order, pages only, links followed', async () => {
    const names = (await collect([path.join(dir, 'pages')])).map((i) => (i.type === 'page' ? path.relative(dir, i.task.name) : i.type));
    expect(names).toEqual(['pages/a.html', 'pages/b/c.htm', 'pages/b/deeper/d.txt', 'pages/link.html']);
  });

  it('read the text/html responses of a WARC file, gzipped or not, with their URL and date', async () => {
    const items = await collect([path.join(dir, 'crawl.warc.gz'), path.join(dir, 'plain.warc')]);
    const pages = items.flatMap((i) => (i.type === 'page' && i.task.kind === 'page' ? [[i.task.url, i.task.time]] : []));
    expect(pages).toEqual([
      ['https://news.test/1', '2019-12-24T10:00:00Z'],
      ['https://news.test/3', '2026-01-02T03:04:05Z'],
      ['https://news.test/p', '2026-01-02T03:04:05Z'],
    ]);
    const { code, out } = await scan([path.join(dir, 'crawl.warc.gz')]);
    expect(code).toBe(0);
    const rows = jsonLines(out);
    expect(rows.map((r) => [r.url, r.actorId])).toEqual([
      ['https://news.test/1', 'turkey'],
      ['https://news.test/1', 'idlib'],
      ['https://news.test/1', 'syria'],
      ['https://news.test/3', 'syria'],
    ]);
    expect(rows[0]).toMatchObject({ title: 'One', time: '2019-12-24T10:00:00Z', sentence: 'Turkey sent troops to Idlib in Syria.' });
  });

  it('split into shards that together hold every page once', async () => {
    const all = [path.join(dir, 'pages'), path.join(dir, 'crawl.warc.gz')];
    const names = (items: InputItem[]) => items.flatMap((i) => (i.type === 'page' ? [i.task.name] : []));
    const whole = names(await collect(all));
    const shards = await Promise.all([0, 1, 2].map(async (index) => names(await collect(all, { index, count: 3 }))));
    expect(shards.map((s) => s.length)).toEqual([2, 2, 2]);
    expect(shards.flat().sort()).toEqual([...whole].sort());
    expect(parseShard('3/3')).toMatch(/0\.\.N-1/);
    expect(parseShard('1/4')).toEqual({ index: 1, count: 4 });
  });
});

describe('factlens scan', () => {
  it('keeps going past broken inputs, names each with its reason, and exits with 2', async () => {
    const { code, out, err } = await scan([path.join(dir, 'broken'), path.join(dir, 'nowhere')]);
    expect(code).toBe(2);
    expect(jsonLines(out).map((r) => r.actorId)).toEqual(['russia', 'turkey', 'syria']);
    expect(err).toContain(`${path.join(dir, 'broken/bad.warc.gz')}: not a readable WARC file`);
    expect(err).toContain(`${path.join(dir, 'broken/dangling.html')}: no such file or folder`);
    expect(err).toContain(`${path.join(dir, 'nowhere')}: no such file or folder`);
    expect(err.trim().split('\n')).toHaveLength(3);
  });

  it('exits with 0 when every page was read, and 1 on a bad argument', async () => {
    expect((await scan([path.join(dir, 'pages')])).code).toBe(0);
    const bad = await scan(['--jobs', '0', path.join(dir, 'pages')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--jobs');
    expect((await scan(['--format', 'xml', 'x'])).code).toBe(1);
    expect((await scan([])).code).toBe(1);
  });

  it('writes CSV with a BOM and one header, rows in input order', async () => {
    const { code, out } = await scan(['--format', 'csv', path.join(dir, 'pages')]);
    expect(code).toBe(0);
    expect(out.startsWith(`${UTF8_BOM}${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    const lines = out.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 10);
    expect(lines[1]).toContain('Page A');
  });

  it('--explain prints each mention with the reason it was marked', async () => {
    writeFileSync(path.join(dir, 'wagner.txt'), 'The Wagner mercenaries fought in Libya for Khalifa Haftar; Turkey objected.');
    const { code, out } = await scan(['--explain', path.join(dir, 'wagner.txt')]);
    expect(code).toBe(0);
    const [wagner] = out.trim().split('\n').map((l) => l.split('\t'));
    expect(wagner?.slice(1, 4)).toEqual(['4-10', 'Wagner', 'Wagner group']);
    expect(wagner?.[4]).toMatch(/mercenaries/);
    expect((await scan(['--explain', '--summary', 'x'])).code).toBe(1);
  });

  it('--pack scans with the built-in base plus a valid pack, its rows naming the pack', async () => {
    const article = 'Zorblax Industries opened a plant in Idlib. Zorblax Industries hired 200 people.';
    const pack = {
      formatVersion: 1,
      source: { id: 'zorblax-2026', title: 'Zorblax opens a plant', period: '2026', file: 'zorblax.txt', note: 'A test pack.', text: article },
      actors: [
        {
          id: 'zorblax',
          name: 'Zorblax Industries',
          kind: 'organisation',
          identity: 'A company',
          identityQuote: 'Zorblax Industries opened a plant in Idlib.',
          aliases: [{ text: 'Zorblax Industries', caseRule: 'proper', ambiguous: false, surname: false }],
          cues: { support: [], contrary: [] },
          givenNames: [],
          facts: [{ id: 'zorblax/0', text: 'It hired 200 people.', quote: 'Zorblax Industries hired 200 people.', actors: ['zorblax'], figures: ['200 people'] }],
          related: [],
        },
      ],
    };
    writeFileSync(path.join(dir, 'pack.json'), JSON.stringify(pack));
    writeFileSync(path.join(dir, 'z.txt'), 'Zorblax Industries left Idlib as Russia and Turkey fought.');
    const { code, out, err } = await scan(['--pack', path.join(dir, 'pack.json'), path.join(dir, 'z.txt')]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(jsonLines(out).map((r) => [r.actorId, r.pack, r.packTitle])).toEqual([
      ['zorblax', 'zorblax-2026', 'Zorblax opens a plant'],
      ['idlib', 'idlib-2019', expect.any(String)],
      ['russia', 'idlib-2019', expect.any(String)],
      ['turkey', 'idlib-2019', expect.any(String)],
    ]);

    // A faulty pack: refused with the path of each fault, nothing scanned.
    const faulty = structuredClone(pack);
    faulty.actors[0]!.facts[0]!.quote = 'Zorblax Industries fired everyone.';
    (faulty.actors[0] as { kind: string }).kind = 'planet';
    writeFileSync(path.join(dir, 'faulty.json'), JSON.stringify(faulty));
    const refused = await scan(['--pack', path.join(dir, 'faulty.json'), path.join(dir, 'z.txt')]);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toContain(`${path.join(dir, 'faulty.json')}: actors[zorblax].kind`);
    expect(refused.err).toMatch(/kind/);
    const misquoted = structuredClone(pack);
    misquoted.actors[0]!.facts[0]!.quote = 'Zorblax Industries fired everyone.';
    writeFileSync(path.join(dir, 'misquoted.json'), JSON.stringify(misquoted));
    const wrongQuote = await scan(['--pack', path.join(dir, 'misquoted.json'), path.join(dir, 'z.txt')]);
    expect(wrongQuote.code).toBe(1);
    expect(wrongQuote.err).toMatch(/misquoted\.json: actors\[zorblax\]\.facts\[0\]\.quote: .*not found/);
    writeFileSync(path.join(dir, 'notjson.json'), '{ nope');
    expect((await scan(['--pack', path.join(dir, 'notjson.json'), path.join(dir, 'z.txt')])).err).toContain('not JSON');
  });

  it('runs as a process with two worker threads, giving the same rows as one thread', async () => {
    const inputs = [path.join(dir, 'pages'), path.join(dir, 'crawl.warc.gz'), path.join(dir, 'broken')];
    const one = await scan(inputs);
    const run = promisify(execFile);
    const child = await run(process.execPath, [path.join(ROOT, 'bin/factlens.mjs'), 'scan', '--jobs', '2', ...inputs], { cwd: ROOT }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect('code' in child ? child.code : 0).toBe(2);
    expect(child.stdout).toBe(one.out);
    expect(child.stderr).toBe(one.err);
    expect(jsonLines(child.stdout).length).toBeGreaterThan(5);
  }, 60_000);
  it('starts no more worker threads than there are pages, and none for a single page', async () => {
    const started: number[] = [];
    // A stand-in pool that scans in this thread, so the test sees when the command would start workers.
    const spy = (threads: number, data: WorkerData): ScanPool => {
      started.push(threads);
      return { run: (task) => scanOne(task, data), destroy: async () => {} };
    };
    const sink = () => ({ text: '', write(t: string) { this.text += t; } });
    const alone = sink();
    expect(await runScan(['--jobs', '4', path.join(dir, 'pages/a.html')], alone, sink(), spy)).toBe(0);
    expect(started).toEqual([]);
    expect(alone.text).toContain('Idlib');
    const folder = sink();
    expect(await runScan(['--jobs', '8', path.join(dir, 'pages')], folder, sink(), spy)).toBe(0);
    expect(started).toEqual([4]); // a.html, c.htm, d.txt, link.html
    expect(folder.text).toBe((await scan([path.join(dir, 'pages')])).out);
    await runScan(['--jobs', '2', path.join(dir, 'crawl.warc.gz')], sink(), sink(), spy);
    expect(started).toEqual([4, 2]);
  });
});

describe('the shared pages', () => {
  it('scan the same with --jobs 1 in-process as the fixture files say (title read from <title>)', async () => {
    const file = path.join(ROOT, 'tests/fixtures/pages/article.html');
    const { out } = await scan([file]);
    const title = /<title>([^<]*)<\/title>/.exec(readFileSync(file, 'utf8'))?.[1]?.trim();
    expect(jsonLines(out)[0]?.title).toBe(title);
  });
});

describe('progress', () => {
  it('says pages done, pages per second and the time left from the bytes read', () => {
    expect(progressLine(1234, 10, 250, 1000)).toBe('1,234 pages \u00b7 123.4 pages/s \u00b7 0:30 left');
    expect(progressLine(0, 0, 0, 1000)).toBe('0 pages \u00b7 0.0 pages/s');
  });

  it('draws on a terminal only', () => {
    let clock = 0;
    let tty = '';
    const p = createProgress({ isTTY: true, write: (t: string) => (tty += t) }, 100, () => clock);
    clock = 1000;
    p.done(50, true);
    p.end();
    expect(tty).toContain('1 page \u00b7 1.0 pages/s \u00b7 0:01 left');
    let pipe = '';
    const q = createProgress({ isTTY: false, write: (t: string) => (pipe += t) }, 100, () => clock);
    q.done(50, true);
    q.end();
    expect(pipe).toBe('');
  });
});
