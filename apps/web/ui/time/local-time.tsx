'use client';

import { useEffect, useState } from 'react';

const options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };

/**
 * A date in the reader's own locale and time zone. The server renders it in UTC (readable without
 * JavaScript); the browser then re-renders it locally.
 */
export function LocalTime({ iso }: { iso: string }) {
  const [text, setText] = useState(
    () => `${new Date(iso).toLocaleString('en-GB', { ...options, timeZone: 'UTC' })} UTC`,
  );
  useEffect(() => setText(new Date(iso).toLocaleString(undefined, options)), [iso]);
  return <time dateTime={iso}>{text}</time>;
}
