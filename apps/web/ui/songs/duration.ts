/** A duration in seconds as `m:ss` (3:07; an hour-long track is 61:05). */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The same duration as an ISO 8601 duration for `<time dateTime>` (PT3M7S). */
export function isoDuration(seconds: number): string {
  return `PT${Math.floor(seconds / 60)}M${seconds % 60}S`;
}
