import type { Song } from '@musicapp/types/songs';
import Link from 'next/link';
import { formatDuration, isoDuration } from './duration';
import styles from './songs.module.css';

/** Everything we know about a song; the album, when it has one, links to its page. */
export function SongFacts({ song, albumName }: { song: Song; albumName?: string | undefined }) {
  return (
    <dl className={styles.facts}>
      <dt>Performer</dt>
      <dd>{song.performer}</dd>
      <dt>Genre</dt>
      <dd>{song.genre}</dd>
      <dt>Year</dt>
      <dd>{song.year}</dd>
      <dt>Duration</dt>
      <dd>
        {song.duration === null ? (
          <span className={styles.muted}>Unknown</span>
        ) : (
          <time dateTime={isoDuration(song.duration)}>{formatDuration(song.duration)}</time>
        )}
      </dd>
      <dt>Album</dt>
      <dd>
        {song.albumId ? (
          <Link href={`/albums/${song.albumId}`}>{albumName ?? 'Open the album'}</Link>
        ) : (
          <span className={styles.muted}>Single — not on an album</span>
        )}
      </dd>
    </dl>
  );
}
