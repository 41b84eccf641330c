// One page of `factlens scan`: its visible text and its export rows (utils/export/row.ts).
// HTML is parsed with happy-dom (no script runs, nothing is fetched) and read by the SAME text index as the
// content script (utils/page/text-index.ts), block by block, so the command line and the browser agree
// mention for mention. Offsets are in the page's visible text: its blocks joined by "\n\n".
// The command itself (arguments, workers, output) is cli/scan-command.ts.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Window } from 'happy-dom';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { compileMatcher, describeMention, findDocumentMentions, relevanceFor, type Matcher } from '../utils/engine';
import type { Mention } from '../utils/engine/types';
import type { CompiledFactBase } from '../utils/factbase/types';
import { FACT_BASES } from '../utils/factbase/generated';
import { basesInForce, createRegistry, type FactBaseRegistry } from '../utils/factbase/registry';
import { readBlocks } from '../utils/page/text-index';
import { BLOCK_SEPARATOR, pageRows, type BlockMentions, type ExportRow, type PageInfo } from '../utils/export/row';
import { fileUrl, type PageTask } from './inputs';

/** A page read: its title and its blocks of visible text. */
export interface ReadPage {
  title: string;
  blocks: string[];
}

/**
 * A page's visible text as the content script reads it: the blocks' texts. The HTML is parsed by parse5 (the
 * HTML standard's parsing algorithm, as browsers do: happy-dom's own parser mis-reads some real pages, e.g. a
 * comment holding `</script`) and built into a happy-dom document with plain DOM calls, so no script runs and
 * nothing is fetched; then the content script's text index reads it.
 */
export function visibleBlocksOfHtml(html: string): string[] {
  return readHtml(html).blocks;
}

/** Title and visible blocks of an HTML page (see visibleBlocksOfHtml). */
export function readHtml(html: string): ReadPage {
  const window = new Window({ url: 'https://factlens.invalid/' });
  try {
    const doc = window.document as unknown as Document;
    const tree = parse(html, { scriptingEnabled: true });
    doc.replaceChildren();
    for (const child of tree.childNodes) {
      const node = toDom(doc, child);
      if (node && node.nodeType !== 10) doc.appendChild(node);
    }
    return { title: (doc.title ?? '').replace(/\s+/g, ' ').trim(), blocks: readBlocks(doc).map((b) => b.text) };
  } finally {
    void window.happyDOM.close();
  }
}

type P5Node = DefaultTreeAdapterTypes.ChildNode;

function toDom(doc: Document, node: P5Node): Node | null {
  switch (node.nodeName) {
    case '#text':
      return doc.createTextNode((node as DefaultTreeAdapterTypes.TextNode).value);
    case '#comment':
      return doc.createComment((node as DefaultTreeAdapterTypes.CommentNode).data);
    case '#documentType':
      return null;
    default: {
      const el = node as DefaultTreeAdapterTypes.Element;
      const out = doc.createElementNS(el.namespaceURI, el.tagName);
      for (const attr of el.attrs) {
        try {
          out.setAttribute(attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name, attr.value);
        } catch {
          /* a name the DOM refuses (stray quotes in broken markup): the browser keeps it, it is never text */
        }
      }
      // <template> content is never read; its children stay out.
      for (const child of el.childNodes) {
        const c = toDom(doc, child);
        if (c) out.appendChild(c);
      }
      return out;
    }
  }
}

type Find = (text: string) => Mention[];

/** The fact bases in force for a scan: the built-in ones, then the packs given, as in the browser. */
export interface ScanSetup {
  registry: FactBaseRegistry;
  matcher: Matcher;
  /** A per-block engine in place of the document pass (tests). */
  find?: Find;
}

export function scanSetup(packs: readonly CompiledFactBase[] = [], find?: Find): ScanSetup {
  const bases = packs.length === 0 ? FACT_BASES : basesInForce(FACT_BASES, packs);
  return { registry: createRegistry(bases), matcher: compileMatcherCached(bases), ...(find ? { find } : {}) };
}

/** What is found on the page but not marked, for `--explain`: offsets in the page's visible text. */
export interface PageNote {
  start: number | null;
  end: number | null;
  surface: string;
  /** The actor's name, or the fact base's title for the page's decision about it. */
  name: string;
  why: string;
}

/** A page scanned: its rows, and the notes --explain prints after them. */
export interface PageScan {
  url: string;
  rows: ExportRow[];
  notes: PageNote[];
}

/**
 * One page's blocks, decided as a whole by the document pass (utils/engine/document.ts), as the browser's
 * scanner does over the same blocks: each row says why it is marked (describeMention).
 */
export function scanPage(page: PageInfo, blocks: readonly string[], setup: ScanSetup): PageScan {
  const { find, matcher, registry } = setup;
  if (find) return { url: page.url, rows: pageRows(page, blocks.map((text) => ({ text, mentions: find(text) })), registry), notes: [] };
  const doc = findDocumentMentions(blocks, matcher);
  const marked: BlockMentions[] = blocks.map((text, i) => ({
    text,
    mentions: doc.mentions[i]!.map((m) => ({ ...m, why: describeMention(m, relevanceFor(doc, matcher, m.actorId)) })),
  }));
  const at: number[] = [];
  let offset = 0;
  for (const text of blocks) {
    at.push(offset);
    offset += text.length + BLOCK_SEPARATOR.length;
  }
  const notes: PageNote[] = doc.unmarked.map((u) => ({
    start: at[u.block]! + u.start,
    end: at[u.block]! + u.end,
    surface: u.surface,
    name: registry.describe(u.actorId)?.name ?? u.actorId,
    why: u.why,
  }));
  for (const base of doc.bases) {
    if (base.marked.length > 0 || base.unmarkedActors.length > 0) notes.push({ start: null, end: null, surface: '', name: base.title, why: base.reason });
  }
  return { url: page.url, rows: pageRows(page, marked, registry), notes };
}

/** The rows of one page's blocks. */
export function scanBlocks(page: PageInfo, blocks: readonly string[], setup: ScanSetup): ExportRow[] {
  return scanPage(page, blocks, setup).rows;
}

const isText = (name: string) => path.extname(name).toLowerCase() === '.txt';

/** A page's title and blocks: `.txt` is one text (no title); anything else is read as HTML. */
export function readContent(name: string, content: string): ReadPage {
  return isText(name) ? { title: '', blocks: [content] } : readHtml(content);
}

export interface ScanOptions {
  packs?: CompiledFactBase[];
  /** Replaces the engine (tests). */
  find?: Find;
  page?: Partial<PageInfo>;
}

/** The rows for one file's content (its URL: the file's, unless given). */
export function scanContent(file: string, content: string, options: ScanOptions = {}): ExportRow[] {
  const setup = scanSetup(options.packs, options.find);
  const { title, blocks } = readContent(file, content);
  return scanBlocks({ url: fileUrl(file), title, time: '', ...options.page }, blocks, setup);
}

/** A page task scanned: a file (read here, its mtime as the time) or a page out of an archive. */
export async function scanTask(task: PageTask, setup: ScanSetup): Promise<PageScan> {
  if (task.kind === 'page') {
    const { title, blocks } = readHtml(task.html);
    return scanPage({ url: task.url, title, time: task.time }, blocks, setup);
  }
  const [content, info] = await Promise.all([readFile(task.file, 'utf8'), stat(task.file)]);
  const { title, blocks } = readContent(task.file, content);
  return scanPage({ url: fileUrl(task.file), title, time: info.mtime.toISOString() }, blocks, setup);
}

/** Mentions per actor id. */
export function countByActor(rows: readonly { actorId: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.actorId, (counts.get(r.actorId) ?? 0) + 1);
  return counts;
}

const matcherCache = new WeakMap<readonly CompiledFactBase[], Matcher>();
function compileMatcherCached(factBases: readonly CompiledFactBase[]): Matcher {
  let m = matcherCache.get(factBases);
  if (!m) {
    m = compileMatcher(factBases);
    matcherCache.set(factBases, m);
  }
  return m;
}

/** `factlens scan …` (cli/scan-command.ts; here so cli/main.ts keeps its one import). */
export async function scanCommand(args: string[], out?: (text: string) => void): Promise<number> {
  return (await import('./scan-command')).runScan(args, out ? { write: out } : undefined);
}
