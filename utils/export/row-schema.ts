// The export row's zod schema (the type is ExportRow in row.ts), checked at the edges: messages, files read
// back. Apart from row.ts so that the content script, which builds rows, carries no zod.
import * as z from 'zod/mini';
import { ACTOR_KINDS } from '../factbase/types';
import type { ExportRow } from './row';

const offset = z.number().check(z.int(), z.minimum(0));

export const ExportRowSchema = z.object({
  /** The page: its address (a file:// URL for a local file, the WARC-Target-URI for an archived page). */
  url: z.string(),
  /** The page's title ("" when it has none, e.g. a .txt file). */
  title: z.string(),
  /** When the text was seen, ISO 8601: now for a live page, the WARC-Date of an archived one, a file's mtime. */
  time: z.string(),
  actorId: z.string().check(z.minLength(1)),
  /** The actor's name and kind, as the fact base in force gives them. */
  actor: z.string(),
  kind: z.enum(ACTOR_KINDS),
  /** The fact base (pack) that defines the actor: its id and its article's title, URL and date if it has them. */
  pack: z.string(),
  packTitle: z.string(),
  packUrl: z.optional(z.string()),
  packDate: z.optional(z.string()),
  /** The text as written on the page. */
  surface: z.string(),
  /** The whole sentence around it, white space collapsed. */
  sentence: z.string(),
  /** Offsets of the mention in the page's visible text. */
  start: offset,
  end: offset,
  /** W3C Web Annotation TextQuoteSelector over the visible text (exact = surface, 32 characters each side). */
  selector: z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
  }),
  /** The rule that decided the mention (a machine id) and, in words, why. */
  rule: z.string(),
  reason: z.string(),
});
export const ExportRowsSchema = z.array(ExportRowSchema);

// The schema and row.ts's type are the same, both ways (a change to one without the other fails tsc).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof ExportRowSchema>, ExportRow> = true;
void sameShape;

/** Rows read back from outside (a file, a message): typed when sound, else each fault with its path. */
export function parseExportRows(raw: unknown): { ok: true; rows: ExportRow[] } | { ok: false; errors: string[] } {
  const parsed = ExportRowsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, rows: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(rows)'}: ${i.message}`) };
}
