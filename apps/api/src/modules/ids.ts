import { createHash, randomBytes } from 'node:crypto';

/** Ids are prefixed strings (`song-…`), random so they reveal nothing about volume or order. */
type IdPrefix = 'album' | 'song' | 'user' | 'playlist' | 'collab' | 'show' | 'reservation';

export function newId(prefix: IdPrefix): string {
  return `${prefix}-${randomBytes(12).toString('base64url')}`;
}

/**
 * The same id for the same key, in the same shape as `newId`: for generated files that must not change
 * from one run to the next (reservasi.sql), never for rows the API creates.
 */
export function stableId(prefix: IdPrefix, key: string): string {
  return `${prefix}-${createHash('sha256').update(key).digest('base64url').slice(0, 16)}`;
}
