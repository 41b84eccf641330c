// `factlens scan FILE... [--summary]`: the mentions in saved pages (.html) or plain text (.txt).
// HTML is parsed with happy-dom (no script runs, nothing is fetched) and read by the SAME text index as the
// content script (utils/page/text-index.ts), block by block, so the command line and the browser agree
// mention for mention. Offsets are in the file's visible text: its blocks joined by "\n\n".
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Window } from 'happy-dom';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { compileMatcher, findMentions, sentenceAround, type Matcher } from '../utils/engine';
import type { Mention } from '../utils/engine/types';
import type { CompiledFactBase } from '../utils/factbase/types';
import { FACT_BASES } from '../utils/factbase/generated';
import { createRegistry } from '../utils/factbase/registry';
import { readBlocks } from '../utils/page/text-index';

export interface ScanRow {
  file: string;
  actorId: string;
  actor: string;
  surface: string;
  start: number;
  end: number;
  context: string;
}

/**
 * A page's visible text as the content script reads it: the blocks' texts. The HTML is parsed by parse5 (the
 * HTML standard's parsing algorithm, as browsers do: happy-dom's own parser mis-reads some real pages, e.g. a
 * comment holding `</script`) and built into a happy-dom document with plain DOM calls, so no script runs and
 * nothing is fetched; then the content script's text index reads it.
 */
export function visibleBlocksOfHtml(html: string): string[] {
  const window = new Window({ url: 'https://factlens.invalid/' });
  try {
    const doc = window.document as unknown as Document;
    const tree = parse(html, { scriptingEnabled: true });
    doc.replaceChildren();
    for (const child of tree.childNodes) {
      const node = toDom(doc, child);
      if (node && node.nodeType !== 10) doc.appendChild(node);
    }
    return readBlocks(doc).map((b) => b.text);
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

/** Mentions in a list of blocks, with offsets in the blocks joined by "\n\n". Context is per block. */
export function scanBlocks(blocks: string[], find: Find): (Mention & { context: string })[] {
  const out: (Mention & { context: string })[] = [];
  let offset = 0;
  for (const text of blocks) {
    for (const m of find(text)) {
      out.push({ ...m, start: m.start + offset, end: m.end + offset, context: sentenceAround(text, m.start, m.end) });
    }
    offset += text.length + 2;
  }
  return out;
}

export interface ScanOptions {
  factBases?: CompiledFactBase[];
  /** Replaces the engine (tests). */
  find?: Find;
}

/** The rows for one file's content. `.txt` is one text; anything else is read as HTML. */
export function scanContent(file: string, content: string, options: ScanOptions = {}): ScanRow[] {
  const factBases = options.factBases ?? FACT_BASES;
  const find = options.find ?? bindEngine(compileMatcherCached(factBases));
  const registry = createRegistry(factBases);
  const blocks = path.extname(file).toLowerCase() === '.txt' ? [content] : visibleBlocksOfHtml(content);
  return scanBlocks(blocks, find).map((m) => ({
    file,
    actorId: m.actorId,
    actor: registry.actor(m.actorId)?.name ?? m.actorId,
    surface: m.surface,
    start: m.start,
    end: m.end,
    context: m.context,
  }));
}

export async function scanFile(file: string, options: ScanOptions = {}): Promise<ScanRow[]> {
  return scanContent(file, await readFile(file, 'utf8'), options);
}

/** Mentions per actor id. */
export function countByActor(rows: readonly ScanRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.actorId, (counts.get(r.actorId) ?? 0) + 1);
  return counts;
}

const matcherCache = new WeakMap<CompiledFactBase[], Matcher>();
function compileMatcherCached(factBases: CompiledFactBase[]): Matcher {
  let m = matcherCache.get(factBases);
  if (!m) {
    m = compileMatcher(factBases);
    matcherCache.set(factBases, m);
  }
  return m;
}

function bindEngine(matcher: Matcher): Find {
  return (text) => findMentions(text, matcher);
}

const USAGE = 'usage: factlens scan [--summary] FILE...   (.txt or .html)';

export async function scanCommand(args: string[], out: (line: string) => void = (l) => console.log(l)): Promise<number> {
  const summary = args.includes('--summary');
  const files = args.filter((a) => a !== '--summary');
  const unknown = files.find((f) => f.startsWith('--'));
  if (unknown || files.length === 0) {
    console.error(unknown ? `factlens scan: unknown option ${unknown}\n${USAGE}` : USAGE);
    return 2;
  }
  let failed = false;
  const all: ScanRow[] = [];
  for (const file of files) {
    let rows: ScanRow[];
    try {
      rows = await scanFile(file);
    } catch (error) {
      console.error(`factlens scan: ${file}: ${(error as Error).message}`);
      failed = true;
      continue;
    }
    if (summary) all.push(...rows);
    else for (const row of rows) out(JSON.stringify(row));
  }
  if (summary) {
    const names = new Map(all.map((r) => [r.actorId, r.actor]));
    const counts = [...countByActor(all)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [actorId, count] of counts) out(JSON.stringify({ actorId, actor: names.get(actorId), count }));
  }
  return failed ? 1 : 0;
}
