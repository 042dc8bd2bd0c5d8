import type { SongSummary } from '@musicapp/types/songs';
import Link from 'next/link';
import { searchInputProps } from '@/ui/forms/search-input';
import styles from './playlists.module.css';
import { AddSongForm } from './song-row-forms';

/**
 * "Add songs": a plain GET search (`?q=`) on the playlist's own page, so it works without JavaScript;
 * each match has its own Add button.
 */
export function SongPicker({
  playlistId,
  query,
  results,
  error,
  inPlaylist,
}: {
  playlistId: string;
  query: string;
  results: SongSummary[] | null;
  error?: string | undefined;
  inPlaylist: ReadonlySet<string>;
}) {
  const base = `/playlists/${playlistId}`;
  return (
    <>
      <search aria-label="Find songs to add">
        <form method="get" action={base} className={styles.searchForm}>
          <label className={styles.label} htmlFor="q">
            Song title
          </label>
          <div className={styles.searchRow}>
            <input
              {...searchInputProps}
              id="q"
              name="q"
              className={styles.input}
              defaultValue={query}
              placeholder="Part of a title, e.g. moon"
            />
            <button type="submit" className="button">
              Search
            </button>
            {query ? (
              <Link href={base} className="button button-secondary">
                Clear
              </Link>
            ) : null}
          </div>
        </form>
      </search>
      {error ? (
        <p role="alert" className={styles.inlineAlert}>
          {error}
        </p>
      ) : null}
      {results === null ? null : results.length === 0 ? (
        <p className={styles.emptyRow}>No songs match “{query}”. Try a shorter part of the title.</p>
      ) : (
        <ul className={styles.rows} aria-label={`Songs matching “${query}”`}>
          {results.map((song) => (
            <li key={song.id} className={styles.row}>
              <div className={styles.rowText}>
                <span className={styles.songTitle}>{song.title}</span>
                <span className={styles.meta}>{song.performer}</span>
              </div>
              <AddSongForm playlistId={playlistId} song={song} inPlaylist={inPlaylist.has(song.id)} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
