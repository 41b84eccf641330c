// The messages between the parts of Factlens (popup, background, content script), as zod schemas.
// Every receiver parses what it gets with these; a message that fails is refused with a logged reason.
// zod/mini (the same zod, tree-shakeable): these schemas reach the content script, which runs on every page.
import * as z from 'zod/mini';
import { ExportRowSchema, ExportRowsSchema } from './export/row-schema';
import type { ExportRow } from './export/row';

const actorId = z.string().check(z.minLength(1), z.maxLength(200));
const count = z.number().check(z.int(), z.minimum(0));

/** Sent to a tab's content script (top frame answers) by the popup or the background. */
export const ToContentMessage = z.discriminatedUnion('type', [
  /** Which actors are on this page, with counts. */
  z.object({ type: z.literal('get-page-actors') }),
  /**
   * Scroll to the n-th (0-based) mention of an actor on the page and open its card; without an index, to the
   * actor's mention after the current one (the popup's actor list: each choice goes on to the next).
   */
  z.object({ type: z.literal('show-mention'), actorId, index: z.optional(count) }),
  /** Move to the next / previous mention in document order and open its card (keyboard command). */
  z.object({ type: z.literal('step-mention'), direction: z.enum(['next', 'previous']) }),
  /** The mentions as rows, for export. */
  z.object({ type: z.literal('get-mentions') }),
  /** The page's article, extracted with Readability from a clone (utils/article/, loaded on this message). */
  z.object({ type: z.literal('extract-article') }),
  /**
   * Scroll to a mention given as its export row's actor and offsets in the visible text, and flash its mark
   * (the side panel). `exact` finds it again when the offsets have moved since the row was read.
   */
  z.object({ type: z.literal('reveal-mention'), actorId, start: count, end: count, exact: z.optional(z.string()) }),
]);
export type ToContentMessage = z.infer<typeof ToContentMessage>;

export const PageActors = z.object({
  url: z.string(),
  /** Whether Factlens is active on this page (off globally or for the site → false). */
  active: z.boolean(),
  actors: z.array(z.object({ actorId, count })),
  /** The page's decision per fact base (issue 12): whether the page is about its story, and why. */
  bases: z.optional(
    z.array(
      z.object({
        sourceId: z.string(),
        title: z.string(),
        about: z.boolean(),
        marked: z.array(z.string()),
        unmarkedActors: z.array(z.string()),
        reason: z.string(),
      }),
    ),
  ),
  /** How many names of actors were found on the page but not marked. */
  unmarked: z.optional(count),
});
export type PageActors = z.infer<typeof PageActors>;

/** The mentions for export: the one export row (utils/export/row.ts), shared with the side panel and the CLI. */
export const MentionRow = ExportRowSchema;
export type MentionRow = ExportRow;
export const MentionRows = ExportRowsSchema;

/** The extracted article (utils/drafter/extract.ts's ExtractResult), or why the page has none. */
export const ArticleAnswer = z.union([
  z.object({
    ok: z.literal(true),
    article: z.object({
      title: z.string(),
      text: z.string(),
      truncated: z.boolean(),
      fullLength: count,
      byline: z.optional(z.string()),
      site: z.optional(z.string()),
      published: z.optional(z.string()),
      url: z.optional(z.string()),
      lang: z.optional(z.string()),
    }),
    notices: z.array(z.string()),
  }),
  z.object({ ok: z.literal(false), problem: z.object({ code: z.string(), message: z.string() }) }),
]);
export type ArticleAnswer = z.infer<typeof ArticleAnswer>;

/** Sent by a content script to the background. */
export const ToBackgroundMessage = z.discriminatedUnion('type', [
  /** The number of distinct actors on this frame's page changed (the badge follows). */
  z.object({
    type: z.literal('page-actors-changed'),
    distinctActors: count,
    /** How many mentions are shown (the side panel re-reads the rows when this or the actors change). */
    mentions: z.optional(count),
  }),
  /** Open the fact-base extension page (content scripts cannot open extension pages themselves). */
  z.object({ type: z.literal('open-factbase-page'), actorId: z.optional(actorId) }),
]);
export type ToBackgroundMessage = z.infer<typeof ToBackgroundMessage>;

/** A command's reply: whether it was carried out (`show-mention` of an index that does not exist: false). */
export const Done = z.object({ ok: z.boolean() });
export type Done = z.infer<typeof Done>;

/** The background's reply: done, or refused with the reason (also logged there). */
export const RouterAnswer = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
export type RouterAnswer = z.infer<typeof RouterAnswer>;

// Request → response: each message's reply, as a schema, so a sender parses the reply it gets (the other
// side is another context and may be an older or broken build) and its type follows from the request.
export const CONTENT_REPLIES = {
  'get-page-actors': PageActors,
  'show-mention': Done,
  'step-mention': Done,
  'get-mentions': MentionRows,
  'extract-article': ArticleAnswer,
  'reveal-mention': Done,
} as const satisfies Record<ToContentMessage['type'], z.ZodMiniType>;

export const BACKGROUND_REPLIES = {
  'page-actors-changed': RouterAnswer,
  'open-factbase-page': RouterAnswer,
} as const satisfies Record<ToBackgroundMessage['type'], z.ZodMiniType>;

export type ContentRequest<T extends ToContentMessage['type'] = ToContentMessage['type']> = Extract<ToContentMessage, { type: T }>;
export type ContentReply<T extends ToContentMessage['type']> = z.infer<(typeof CONTENT_REPLIES)[T]>;
export type BackgroundRequest<T extends ToBackgroundMessage['type'] = ToBackgroundMessage['type']> = Extract<ToBackgroundMessage, { type: T }>;
export type BackgroundReply<T extends ToBackgroundMessage['type']> = z.infer<(typeof BACKGROUND_REPLIES)[T]>;

/** What a content script's top frame answers each message with (its handler's type). */
export type ContentHandlers = { [T in ToContentMessage['type']]: (message: ContentRequest<T>) => ContentReply<T> | Promise<ContentReply<T>> };

/** Parses what came back for a request with that request's reply schema. */
export function parseContentReply<T extends ToContentMessage['type']>(type: T, raw: unknown): { ok: true; message: ContentReply<T> } | { ok: false; reason: string } {
  return parseMessage(CONTENT_REPLIES[type], raw) as { ok: true; message: ContentReply<T> } | { ok: false; reason: string };
}

/** Parse a message or explain why it was refused. */
export function parseMessage<S extends z.ZodMiniType>(
  schema: S,
  raw: unknown,
): { ok: true; message: z.infer<S> } | { ok: false; reason: string } {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  return { ok: false, reason: z.prettifyError(result.error) };
}
