import type { SongSummary } from '@musicapp/types/songs';
import Link from 'next/link';
import styles from './playlists.module.css';
import { RemoveSongForm } from './song-row-forms';

export function PlaylistSongs({ playlistId, songs }: { playlistId: string; songs: SongSummary[] }) {
  if (songs.length === 0) {
    return <p className={styles.emptyRow}>No songs yet — search the catalogue below and add some.</p>;
  }
  return (
    <ol className={styles.rows}>
      {songs.map((song, index) => (
        <li key={song.id} className={styles.row}>
          <span className={styles.track}>{index + 1}</span>
          <div className={styles.rowText}>
            <Link href={`/songs/${song.id}`} className={styles.songTitle}>
              {song.title}
            </Link>
            <span className={styles.meta}>{song.performer}</span>
          </div>
          <RemoveSongForm playlistId={playlistId} song={song} />
        </li>
      ))}
    </ol>
  );
}
