/**
 * Dates as a reader reads them: a language from Accept-Language and an IANA time zone. Pure functions
 * (no request access), used by lib/reader-time.ts on the server.
 */
export const FALLBACK_LOCALE = 'en-GB';
const OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };

// Building a formatter looks up locale data and is slow; readers share a handful of (locale, zone) pairs.
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 500;

/** A cached formatter, or null for a time zone or locale Intl does not know (both come from requests). */
export function dateFormatter(locale: string, timeZone: string): Intl.DateTimeFormat | null {
  const key = `${locale}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { ...OPTIONS, timeZone });
    } catch {
      return null;
    }
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, format);
  }
  return format;
}

/** The first language of an Accept-Language header that Intl knows, e.g. "fr-CA,fr;q=0.9" → "fr-CA". */
export function preferredLocale(acceptLanguage: string | null | undefined): string {
  for (const part of (acceptLanguage ?? '').split(',').slice(0, 6)) {
    const tag = part.split(';')[0]?.trim();
    if (!tag || tag === '*') continue;
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf([tag]);
      if (supported) return supported;
    } catch {
      // not a language tag
    }
  }
  return FALLBACK_LOCALE;
}

/**
 * The date formatting for one reader: local when their time zone is known and valid, otherwise UTC
 * and labelled "UTC" so nobody mistakes it for local time.
 */
export function formatForReader(acceptLanguage: string | null | undefined, timeZone: string | undefined) {
  const locale = preferredLocale(acceptLanguage);
  const local = timeZone ? dateFormatter(locale, timeZone) : null;
  if (local) return (iso: string) => local.format(new Date(iso));
  const utc = dateFormatter(locale, 'UTC') ?? (dateFormatter(FALLBACK_LOCALE, 'UTC') as Intl.DateTimeFormat);
  return (iso: string) => `${utc.format(new Date(iso))} UTC`;
}
