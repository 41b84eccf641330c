// What `factlens scan` reads: the pages in files, folders (walked recursively, in a fixed order) and web
// archives (WARC, read with warcio: only response records whose HTTP Content-Type is text/html). Pages come
// out one at a time, in a deterministic order, so memory does not grow with the collection and `--shard`
// picks the same pages on every machine.
import { createReadStream, type ReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WARCParser } from 'warcio';

/** A page to scan: a file the worker reads itself, or a page taken out of an archive. */
export type PageTask =
  | { kind: 'file'; name: string; file: string }
  | { kind: 'page'; name: string; url: string; time: string; html: string };

/** One step of the walk: a page, a page left to another shard, or an input that cannot be read. */
export type InputItem =
  | { type: 'page'; task: PageTask; bytes: number }
  | { type: 'skipped'; bytes: number }
  | { type: 'error'; name: string; reason: string; bytes: number };

const PAGE_FILE = /\.(html?|txt)$/i;
const WARC_FILE = /\.warc(\.gz)?$/i;

export function isWarc(file: string): boolean {
  return WARC_FILE.test(file);
}

/** A `--shard i/N` choice: page k (0-based, in walk order) is this shard's when k % count === index. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses "i/N" (0 ≤ i < N), or returns an error message. */
export function parseShard(value: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  if (!m) return `--shard wants i/N (e.g. 0/4), not "${value}"`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count) return `--shard ${value}: i must be in 0..N-1`;
  return { index, count };
}

/** Files under `root` (itself if a file): pages and archives, sorted by path, folders walked depth-first. */
async function* walk(root: string): AsyncGenerator<{ file: string; size: number } | { error: string; file: string }> {
  let info;
  try {
    info = await stat(root);
  } catch (error) {
    yield { file: root, error: reasonOf(error) };
    return;
  }
  if (!info.isDirectory()) {
    yield { file: root, size: info.size };
    return;
  }
  let entries;
  try {
    entries = (await readdir(root, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    yield { file: root, error: reasonOf(error) };
    return;
  }
  for (const entry of entries) {
    const child = path.join(root, entry.name);
    // Symbolic links are followed (a bench folder of links to the fixtures); stat says what they point to.
    if (entry.isDirectory() || ((entry.isFile() || entry.isSymbolicLink()) && (PAGE_FILE.test(entry.name) || WARC_FILE.test(entry.name)))) {
      yield* walk(child);
    }
  }
}

export function reasonOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') return 'no such file or folder';
  return error instanceof Error ? error.message : String(error);
}

/** The pages of a WARC file, as tasks; `bytes` is how much of the file each step consumed. */
async function* warcPages(file: string, isMine: () => boolean): AsyncGenerator<InputItem> {
  const stream: ReadStream = createReadStream(file);
  let consumed = 0;
  const advance = () => {
    const delta = stream.bytesRead - consumed;
    consumed = stream.bytesRead;
    return delta;
  };
  try {
    for await (const record of WARCParser.iterRecords(stream)) {
      // warcio reads anything leniently; a record that does not start with a WARC version line is not one.
      const version = record.warcHeaders.protocol ?? '';
      if (!version.startsWith('WARC/')) throw new Error(`a record starts with "${version.slice(0, 20)}", not a WARC version`);
      if (record.warcType !== 'response') continue;
      const type = record.httpHeaders?.headers.get('content-type') ?? '';
      if (!/^\s*text\/html\b/i.test(type)) continue;
      if (!isMine()) {
        yield { type: 'skipped', bytes: advance() };
        continue;
      }
      const url = record.warcTargetURI ?? '';
      const html = await record.contentText();
      yield {
        type: 'page',
        task: { kind: 'page', name: `${file}#${url}`, url, time: record.warcDate ?? '', html },
        bytes: advance(),
      };
    }
  } catch (error) {
    yield { type: 'error', name: file, reason: `not a readable WARC file: ${reasonOf(error)}`, bytes: advance() };
  } finally {
    stream.destroy();
  }
}

/**
 * Every page of the inputs, in order: each argument in turn, folders walked (only .html, .htm, .txt, .warc,
 * .warc.gz inside them; a file named on the command line is read whatever its name: HTML unless .txt).
 */
export async function* inputPages(args: readonly string[], shard: Shard = { index: 0, count: 1 }): AsyncGenerator<InputItem> {
  let k = 0;
  const isMine = () => k++ % shard.count === shard.index;
  for (const arg of args) {
    for await (const found of walk(arg)) {
      if ('error' in found) {
        yield { type: 'error', name: found.file, reason: found.error, bytes: 0 };
      } else if (isWarc(found.file)) {
        yield* warcPages(found.file, isMine);
      } else if (isMine()) {
        yield { type: 'page', task: { kind: 'file', name: found.file, file: found.file }, bytes: found.size };
      } else {
        yield { type: 'skipped', bytes: found.size };
      }
    }
  }
}

/** Total bytes of the inputs (for the progress estimate; 0 for what cannot be read). */
export async function inputBytes(args: readonly string[]): Promise<number> {
  let total = 0;
  for (const arg of args) for await (const found of walk(arg)) if (!('error' in found)) total += found.size;
  return total;
}

export function fileUrl(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}
