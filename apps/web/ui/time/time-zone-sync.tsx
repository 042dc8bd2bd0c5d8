'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const COOKIE = 'tz'; // TIME_ZONE_COOKIE in lib/reader-time.ts (server-only, so not importable here)

/**
 * Tells the server the browser's time zone once (a plain cookie, not a secret), then re-renders the page
 * so its dates are local. Renders nothing; without JavaScript dates stay in UTC, labelled so.
 */
export function TimeZoneSync() {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const value = encodeURIComponent(zone);
    if (document.cookie.split('; ').includes(`${COOKIE}=${value}`)) return;
    // biome-ignore lint/suspicious/noDocumentCookie: a preference cookie, written once; the Cookie Store API is not in every browser yet
    document.cookie = `${COOKIE}=${value}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [router]);
  return null;
}
