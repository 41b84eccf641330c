// The one export row: what the side panel, the popup and the command line write for each mention, and what a
// researcher cites. One definition (the ExportRow type below; its zod schema, checked at the edges: messages, files read back, is
// in row-schema.ts, held to the type),
// one builder (exportRow) and one formatter of the reason (reasonOf).
//
// Positions are in the page's VISIBLE TEXT: its blocks of visible text (utils/page/text-index.ts) joined by
// BLOCK_SEPARATOR, the same text in the browser and in `factlens scan`. start/end index that text (UTF-16
// code units, end exclusive); the selector quotes it, so findBySelector finds the row again in it.
import { describeReason } from '../engine';
import type { Mention } from '../engine/types';
import type { ActorKind, CompiledSource } from '../factbase/types';
import type { FactBaseRegistry } from '../factbase/registry';
import { quoteSelector } from './selector';
import { wholeSentence } from './sentence';

export const BLOCK_SEPARATOR = '\n\n';

/** One row (its zod schema, checked at the edges, is in row-schema.ts: the content script builds rows without zod). */
export interface ExportRow {
  /** The page: its address (a file:// URL for a local file, the WARC-Target-URI for an archived page). */
  url: string;
  /** The page's title ("" when it has none, e.g. a .txt file). */
  title: string;
  /** When the text was seen, ISO 8601: now for a live page, the WARC-Date of an archived one, a file's mtime. */
  time: string;
  actorId: string;
  /** The actor's name and kind, as the fact base in force gives them. */
  actor: string;
  kind: ActorKind;
  /** The fact base (pack) that defines the actor: its id and its article's title, URL and date if it has them. */
  pack: string;
  packTitle: string;
  packUrl?: string | undefined;
  packDate?: string | undefined;
  /** The text as written on the page. */
  surface: string;
  /** The whole sentence around it, white space collapsed. */
  sentence: string;
  /** Offsets of the mention in the page's visible text. */
  start: number;
  end: number;
  /** W3C Web Annotation TextQuoteSelector over the visible text (exact = surface, 32 characters each side). */
  selector: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
  /** The rule that decided the mention (a machine id) and, in words, why. */
  rule: string;
  reason: string;
}

/** The page a row comes from. */
export interface PageInfo {
  url: string;
  title: string;
  time: string;
}

/** What a row needs of a mention: offsets in the text given to exportRow, actor, surface, reason. */
export type RowMention = Pick<Mention, 'start' | 'end' | 'actorId' | 'surface' | 'reason'> & {
  /** The page's decision as a sentence (the document pass: describeMention), when known. */
  why?: string | undefined;
};

/**
 * The rule and the reason of a mention, in the one place that formats them (rows, `scan --explain`, the
 * card's "copy with source"). Today a Mention carries a reason only when a context rule decided it.
 */
export function reasonOf(mention: Pick<RowMention, 'reason' | 'why'>): { rule: string; reason: string } {
  const reason: unknown = mention.reason;
  if (mention.why) return { rule: mention.reason?.rule ?? 'alias', reason: mention.why };
  // The engine may give the reason as a sentence of its own: take it as it is.
  if (typeof reason === 'string') return { rule: 'reason', reason };
  return { rule: mention.reason?.rule ?? 'alias', reason: describeReason(mention.reason) };
}

/** The article fields of a source, where it has them (packs drafted from a page carry a URL and a date). */
function articleOf(source: CompiledSource): { packUrl?: string; packDate?: string } {
  const extra = source as CompiledSource & { url?: unknown; date?: unknown };
  const out: { packUrl?: string; packDate?: string } = {};
  if (typeof extra.url === 'string' && extra.url) out.packUrl = extra.url;
  if (typeof extra.date === 'string' && extra.date) out.packDate = extra.date;
  return out;
}

/** The row of one mention; `text` is the page's visible text, the mention's offsets index it. */
export function exportRow(page: PageInfo, text: string, mention: RowMention, registry: Pick<FactBaseRegistry, 'entry'>): ExportRow {
  const entry = registry.entry(mention.actorId);
  const source = entry?.source;
  return {
    url: page.url,
    title: page.title,
    time: page.time,
    actorId: mention.actorId,
    actor: entry?.actor.name ?? mention.actorId,
    kind: entry?.actor.kind ?? 'organisation',
    pack: source?.id ?? '',
    packTitle: source?.title ?? '',
    ...(source ? articleOf(source) : {}),
    surface: mention.surface,
    sentence: wholeSentence(text, mention.start, mention.end),
    start: mention.start,
    end: mention.end,
    selector: quoteSelector(text, mention.start, mention.end),
    ...reasonOf(mention),
  };
}

/** A block of visible text with its mentions (offsets in the block), as the page's scanner and the CLI have them. */
export interface BlockMentions {
  text: string;
  mentions: readonly RowMention[];
}

/** The page's visible text: its blocks joined by BLOCK_SEPARATOR. */
export function visibleText(blocks: readonly { text: string }[]): string {
  return blocks.map((b) => b.text).join(BLOCK_SEPARATOR);
}

/** Every row of a page, in document order, from its blocks (ALL of them, in order, so offsets add up). */
export function pageRows(page: PageInfo, blocks: readonly BlockMentions[], registry: Pick<FactBaseRegistry, 'entry'>): ExportRow[] {
  const text = visibleText(blocks);
  const rows: ExportRow[] = [];
  let at = 0;
  for (const block of blocks) {
    for (const m of block.mentions) rows.push(exportRow(page, text, { ...m, start: m.start + at, end: m.end + at }, registry));
    at += block.text.length + BLOCK_SEPARATOR.length;
  }
  return rows;
}

/**
 * Rows of a live page's mentions: `blocks` are the page's blocks read afresh (all of them, in order), each
 * with a key (its first text node); each mention names its block by the same key, its offsets in the block.
 * A mention whose block is no longer on the page is left out.
 */
export function rowsInBlocks<K>(
  page: PageInfo,
  blocks: readonly { text: string; key: K }[],
  mentions: readonly (RowMention & { block: K | undefined })[],
  registry: Pick<FactBaseRegistry, 'entry'>,
): ExportRow[] {
  const text = visibleText(blocks);
  const at = new Map<K, number>();
  let offset = 0;
  for (const block of blocks) {
    at.set(block.key, offset);
    offset += block.text.length + BLOCK_SEPARATOR.length;
  }
  const rows: ExportRow[] = [];
  for (const m of mentions) {
    const base = m.block === undefined ? undefined : at.get(m.block);
    if (base !== undefined) rows.push(exportRow(page, text, { ...m, start: m.start + base, end: m.end + base }, registry));
  }
  return rows;
}
