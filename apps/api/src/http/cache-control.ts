import type { Principal } from '../modules/authentications/principal.js';

/**
 * Whether a catalogue read skips the replica's short cache: `Cache-Control: no-cache` from a signed-in
 * admin (the web's admin pages send it with the admin's token, so an editor sees what was just saved,
 * whichever replica answers). From anyone else the header is ignored: honoured for everybody, it would
 * let any caller turn every read into database work. A bad token here is not an error: the read is public.
 */
export function wantsFreshRead(cacheControl: string | undefined, caller: Principal | null): boolean {
  if (cacheControl === undefined || !/(^|,)\s*no-cache\s*(,|$)/i.test(cacheControl)) return false;
  return caller?.role === 'admin';
}
