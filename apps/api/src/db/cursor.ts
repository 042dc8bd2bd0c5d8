import type { Knex } from 'knex';
import { InvalidInputError } from '../errors.js';

type Key = string | number;

/**
 * Opaque keyset cursors: base64url JSON of the sort key of the last item, tagged with the list it
 * belongs to. A list is read as "sort key greater than the cursor", so no page ever counts or skips rows.
 */
export function encodeCursor(list: string, key: Key[]): string {
  return Buffer.from(JSON.stringify([list, ...key])).toString('base64url');
}

/** What each part of a list's sort key is: a whole number (a time in ms) or a text (a name, an id). */
export type KeyShape = 'integer' | 'text';

const fits = (part: unknown, shape: KeyShape) =>
  shape === 'integer' ? Number.isSafeInteger(part) : typeof part === 'string';

/**
 * The sort key inside a cursor, checked part by part against the list's key shape: a forged cursor
 * (`1e400` parses to Infinity, a text where a time belongs) is a 400, never a database error.
 */
export function decodeCursor(list: string, cursor: string, shape: KeyShape[]): Key[] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === shape.length + 1 &&
      decoded[0] === list &&
      shape.every((kind, i) => fits(decoded[i + 1], kind))
    ) {
      return decoded.slice(1) as Key[];
    }
  } catch {
    // fall through: any malformed cursor gets the same answer
  }
  throw new InvalidInputError('cursor is invalid: pass the nextCursor of a previous page of this list');
}

/**
 * `WHERE (a > ?) OR (a = ? AND b > ?)` for an ascending sort on the given columns (`<` for descending).
 */
export function afterKey(
  query: Knex.QueryBuilder,
  columns: [string, string],
  key: Key[],
  order: 'asc' | 'desc' = 'asc',
): void {
  const [first, second] = columns;
  const beyond = order === 'asc' ? '>' : '<';
  query.where((q) =>
    q
      .where(first, beyond, key[0] as Key)
      .orWhere((q2) => q2.where(first, key[0] as Key).andWhere(second, beyond, key[1] as Key)),
  );
}

/** Splits a `limit + 1` fetch into a page and the cursor of the next one. */
export function toPage<T>(list: string, rows: T[], limit: number, keyOf: (row: T) => Key[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(list, keyOf(last)) : null };
}

/** Escapes LIKE wildcards so a search for "100%" matches the text "100%". Use with `ESCAPE '!'`. */
export function likeContains(term: string): string {
  return `%${term.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
