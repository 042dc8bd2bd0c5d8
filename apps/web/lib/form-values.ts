/**
 * What a typed form field means to the shared schema, before it checks it: an empty field is
 * missing or "none", never 0 or an empty id, and a time typed as UTC is read as UTC.
 */

/** An empty number field stays missing (the schema says "must be a number"), never 0. */
export const numberOrMissing = (raw = '') => (raw.trim() === '' ? undefined : Number(raw));

/** An empty optional field means "none". */
export const idOrNull = (raw = '') => (raw.trim() === '' ? null : raw.trim());

/**
 * `datetime-local` gives "2027-05-01T20:00" with no zone; the field is labelled UTC, so it is read as
 * UTC whatever the browser's zone. A value that already carries a zone is passed on as typed.
 */
export function toUtcIso(raw = ''): string | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return `${value}:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value)) return `${value}Z`;
  return value;
}
