import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { formatForReader } from './date-format';

/** The reader's IANA time zone, written by `ui/time/time-zone-sync.tsx` in the browser. Not a secret. */
export const TIME_ZONE_COOKIE = 'tz';

/**
 * How dates read for this request: in the reader's language (Accept-Language) and time zone (the `tz`
 * cookie). Before the browser has told us its zone (first visit, or no JavaScript) dates are UTC and
 * say so. Rendered on the server, so the page needs no script per date. Once per request (React cache).
 */
export const readerDateFormat = cache(async (): Promise<(iso: string) => string> => {
  const [requestHeaders, requestCookies] = await Promise.all([headers(), cookies()]);
  return formatForReader(requestHeaders.get('accept-language'), requestCookies.get(TIME_ZONE_COOKIE)?.value);
});
