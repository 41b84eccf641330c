// What content.js is made of, for `npm run bench`: the extension built again with source maps
// (scripts/bench-wxt-sourcemap.config.ts, same code and minifier, into a temporary output folder), each
// byte of the minified content.js attributed to the module its source map names, and the modules grouped
// by package (node_modules) or by project folder. Gzip per group is given two ways: the group's bytes
// gzipped alone, and what content.js's gzip size loses when the group's bytes are cut out of it (the
// saving if that group left the content script).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
const CONFIG = path.join(import.meta.dirname, 'bench-wxt-sourcemap.config.ts');

export interface BundleGroup {
  group: string;
  raw: number;
  /** The group's bytes gzipped alone (level 9). */
  gzipAlone: number;
  /** content.js gzip size minus the gzip size of content.js without the group's bytes. */
  gzipSaved: number;
  modules: number;
}

export interface BundleAnalysis {
  file: string;
  raw: number;
  gzip: number;
  groups: BundleGroup[];
  /** The largest modules, raw bytes. */
  topModules: { module: string; raw: number }[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Source-map "mappings" decoded to, per generated line, [column, sourceIndex] pairs (-1: no source). */
export function decodeMappings(mappings: string): [number, number][][] {
  const lines: [number, number][][] = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segs: [number, number][] = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const c of seg) {
        const digit = B64_INDEX.get(c)!;
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += fields[0]!;
      if (fields.length >= 4) {
        source += fields[1]!;
        segs.push([col, source]);
      } else segs.push([col, -1]);
    }
    lines.push(segs);
  }
  return lines;
}

/** The group a module belongs to: its npm package, else its project folder (utils/engine, …). */
export function groupOf(source: string): string {
  const clean = source.replace(/^(\.\.\/)+/, '').replace(/^\/?/, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (clean.startsWith('\0') || clean.includes('virtual:')) return '(bundler helpers)';
  // A project module's folder (utils/engine, utils/factbase/generated, utils/settings/migrations…).
  const dir = path.posix.dirname(clean);
  return dir === '.' ? clean : dir;
}

/** Attributes every byte of a minified file to its source module, then groups the modules. */
export function analyseBundle(code: string, map: { sources: string[]; mappings: string }, file = 'content.js'): BundleAnalysis {
  const lines = decodeMappings(map.mappings);
  const codeLines = code.split('\n');
  const perModule = new Map<string, number>();
  // Which group each byte belongs to, to cut groups out for the gzip saving.
  const byteGroup: string[][] = [];
  codeLines.forEach((text, li) => {
    const segs = lines[li] ?? [];
    const owner: string[] = new Array(text.length + 1).fill('(unmapped)');
    for (let s = 0; s < segs.length; s++) {
      const [col, src] = segs[s]!;
      const end = s + 1 < segs.length ? segs[s + 1]![0] : text.length;
      const mod = src >= 0 ? map.sources[src]! : '(unmapped)';
      for (let c = col; c < end && c < text.length; c++) owner[c] = mod;
    }
    owner[text.length] = owner[text.length - 1] ?? '(unmapped)'; // the newline
    for (const m of owner) perModule.set(m, (perModule.get(m) ?? 0) + 1);
    byteGroup.push(owner.map((m) => (m === '(unmapped)' ? m : groupOf(m))));
  });
  const full = Buffer.from(code);
  const gzip = gzipSync(full, { level: 9 }).length;
  const groups = new Map<string, { raw: number; modules: Set<string> }>();
  for (const [m, n] of perModule) {
    const g = m === '(unmapped)' ? m : groupOf(m);
    const e = groups.get(g) ?? groups.set(g, { raw: 0, modules: new Set() }).get(g)!;
    e.raw += n;
    e.modules.add(m);
  }
  const out: BundleGroup[] = [];
  for (const [g, e] of groups) {
    let alone = '';
    let without = '';
    codeLines.forEach((text, li) => {
      const owners = byteGroup[li]!;
      const line = text + '\n';
      for (let c = 0; c < line.length; c++) {
        if (owners[c] === g) alone += line[c];
        else without += line[c];
      }
    });
    out.push({
      group: g,
      raw: Buffer.byteLength(alone),
      gzipAlone: gzipSync(Buffer.from(alone), { level: 9 }).length,
      gzipSaved: gzip - gzipSync(Buffer.from(without), { level: 9 }).length,
      modules: e.modules.size,
    });
  }
  out.sort((a, b) => b.raw - a.raw);
  const topModules = [...perModule]
    .map(([module, raw]) => ({ module: module.replace(/^(\.\.\/)+/, ''), raw }))
    .sort((a, b) => b.raw - a.raw)
    .slice(0, 15);
  return { file, raw: full.length, gzip, groups: out, topModules };
}

export interface SourceMapBuild {
  /** The Chrome build (manifest.json and all), loadable as an extension. */
  dist: string;
  remove(): void;
}

/** The Chrome extension built with source maps into a temporary folder (same code and minifier). */
export function buildWithSourceMaps(): SourceMapBuild {
  const out = mkdtempSync(path.join(tmpdir(), 'factlens-bench-map-'));
  execFileSync(path.join(REPO_ROOT, 'node_modules/.bin/wxt'), ['build', '-c', CONFIG], {
    cwd: REPO_ROOT,
    env: { ...process.env, FACTLENS_OUT_DIR: out },
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 300_000,
  });
  return { dist: path.join(out, 'chrome-mv3'), remove: () => rmSync(out, { recursive: true, force: true }) };
}

/** A built file's source map, its sources as project paths. */
function readMap(js: string): { sources: string[]; mappings: string } {
  if (!existsSync(`${js}.map`)) throw new Error(`the source-map build wrote no ${path.basename(js)}.map`);
  const map = JSON.parse(readFileSync(`${js}.map`, 'utf8')) as { sources: string[]; mappings: string };
  // Sources are relative to the map's folder (a temporary one): make them the project's paths.
  return { ...map, sources: map.sources.map((s) => path.relative(REPO_ROOT, path.resolve(path.dirname(js), s))) };
}

/** Analyses content.js (or `file`) of a source-map build (its sourceMappingURL comment left out: the shipped bytes). */
export function analyseContentScript(dist: string, file = 'content-scripts/content.js'): BundleAnalysis {
  const js = path.join(dist, file);
  const code = readFileSync(js, 'utf8').replace(/\n?\/\/# sourceMappingURL=.*\s*$/, '');
  return analyseBundle(code, readMap(js));
}

/** For a built file of a source-map build: the source module at a 0-based line and column. */
export function sourceLocator(js: string): (line: number, column: number) => string {
  const map = readMap(js);
  const lines = decodeMappings(map.mappings);
  return (line, column) => {
    const segs = lines[line] ?? [];
    let found = -1;
    for (const [col, src] of segs) {
      if (col > column) break;
      found = src;
    }
    return found >= 0 ? map.sources[found]! : '(unmapped)';
  };
}
