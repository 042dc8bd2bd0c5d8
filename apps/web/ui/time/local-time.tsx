import { readerDateFormat } from '@/lib/reader-time';

/** A date in the reader's language and time zone, rendered on the server (see lib/reader-time.ts). */
export async function LocalTime({ iso }: { iso: string }) {
  const format = await readerDateFormat();
  return <time dateTime={iso}>{format(iso)}</time>;
}
