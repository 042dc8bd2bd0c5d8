import { z } from 'zod';

/** Envelope of every successful response: `{ status: "success", message?, data? }`. */
export const successEnvelope = <T extends z.ZodType>(data: T) =>
  z.object({ status: z.literal('success'), message: z.string().optional(), data });

/** A success that carries only its message: `{ status: "success", message }`. */
export const messageResponse = z.object({ status: z.literal('success'), message: z.string() });

/** Envelope of every failed response: 4xx is `fail`, 5xx is `error`. */
export const failEnvelope = z.object({
  status: z.enum(['fail', 'error']),
  message: z.string(),
});
export type FailEnvelope = z.infer<typeof failEnvelope>;

/**
 * A count with its noun, "1 seat" or "2 seats": one wording for the api's messages (clients read
 * them, e.g. "Only 1 seat left for this show") and the web's pages. Regular plurals only.
 */
export const pluralise = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** `?limit=&cursor=` of every list. The cursor is opaque: only the api reads it. */
export const pageQuery = z.object({
  limit: z.coerce
    .number({ error: 'limit must be a whole number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(MAX_PAGE_SIZE, `limit must be at most ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE),
  cursor: z.string().min(1, 'cursor must not be empty').max(512, 'cursor is too long').optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** Paging data sits beside a list, never inside its items. */
export const nextCursor = z.string().nullable();

/** Path parameter `:id`; a malformed id simply matches nothing (404). */
export const idParam = z.object({ id: z.string().min(1).max(64).describe('Prefixed id, e.g. album-…') });

/** Album pages and song searches may come from an api replica's short cache (CATALOG_CACHE_MS). */
export const freshReadHeaders = z.object({
  'Cache-Control': z
    .string()
    .optional()
    .describe(
      "`no-cache` with an admin's access token: an answer read from the database, not from the replica's short cache (ignored for anyone else)",
    ),
});

export const year = z
  .number({ error: 'year must be a number' })
  .int('year must be a whole number')
  .min(1, 'year must be positive')
  .max(9999, 'year must have at most 4 digits');

/** A non-empty, trimmed string of at most `max` characters. */
export const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);
