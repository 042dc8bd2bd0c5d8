import type { SongSummary } from '@musicapp/types/songs';

/**
 * The songs of a LEFT JOIN onto `songs` (an album or a playlist with its songs), in row order: rows
 * without a song are skipped. Shared by the repositories that join songs, so none imports another's.
 */
export function collectSongs(
  rows: { song_id: string | null; title: string | null; performer: string | null }[],
): SongSummary[] {
  const songs: SongSummary[] = [];
  for (const row of rows) {
    if (row.song_id) songs.push({ id: row.song_id, title: row.title ?? '', performer: row.performer ?? '' });
  }
  return songs;
}
