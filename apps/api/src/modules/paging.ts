/**
 * Paging of the api's lists, for services: opaque cursors, base64url JSON of the sort key of the last
 * item, tagged with the list it belongs to. A repository reads a list as "sort key greater than the
 * cursor's" (db/keyset.ts), so no page ever counts or skips rows.
 */
import { InvalidInputError } from '../errors.js';

/** A part of a list's sort key: a whole number (a time in ms, an id) or a text. */
export type Key = string | number;

/** The cursor after an item of `list`: its sort key, tagged with the list. */
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

/** Splits a `limit + 1` fetch into a page and the cursor of the next one. */
export function toPage<T>(list: string, rows: T[], limit: number, keyOf: (row: T) => Key[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(list, keyOf(last)) : null };
}
