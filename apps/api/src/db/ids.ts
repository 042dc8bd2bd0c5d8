import { randomBytes } from 'node:crypto';

/** Ids are prefixed strings (`song-…`), random so they reveal nothing about volume or order. */
export function newId(
  prefix: 'album' | 'song' | 'user' | 'playlist' | 'collab' | 'show' | 'reservation',
): string {
  return `${prefix}-${randomBytes(12).toString('base64url')}`;
}
