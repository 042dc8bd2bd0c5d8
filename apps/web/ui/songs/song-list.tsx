import type { SongSummary } from '@musicapp/types/songs';
import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './songs.module.css';

/**
 * Songs as rows that link to their pages. `numbered` shows track numbers (an album's order);
 * `empty` is what to say when there are none.
 */
export function SongList({
  songs,
  empty,
  numbered = false,
}: {
  songs: SongSummary[];
  empty: ReactNode;
  numbered?: boolean;
}) {
  if (songs.length === 0) return <p className={styles.empty}>{empty}</p>;
  const List = numbered ? 'ol' : 'ul';
  return (
    <List className={styles.list}>
      {songs.map((song, index) => (
        <li key={song.id} className={styles.row}>
          {numbered ? (
            <span className={styles.track} aria-hidden="true">
              {index + 1}
            </span>
          ) : null}
          <span className={styles.text}>
            <Link href={`/songs/${song.id}`} className={styles.title}>
              {song.title}
            </Link>
            <span className={styles.performer}>{song.performer}</span>
          </span>
        </li>
      ))}
    </List>
  );
}
