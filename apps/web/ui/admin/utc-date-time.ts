/** An ISO date-time as the value of a `datetime-local` input labelled UTC: "2027-05-01T20:00". */
export function toUtcInputValue(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 16);
}

const utcFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** A date-time for an admin list, in UTC so every admin reads the same thing. */
export function formatUtc(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${utcFormat.format(time)} UTC`;
}
