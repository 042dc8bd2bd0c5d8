import type { PlaylistSummary } from '@musicapp/types/playlists';
import Link from 'next/link';
import styles from './playlists.module.css';

/** The playlists the user owns or collaborates on, each naming its owner. */
export function PlaylistList({ playlists }: { playlists: PlaylistSummary[] }) {
  if (playlists.length === 0) {
    return (
      <div className={styles.empty}>
        <p className={styles.emptyTitle}>No playlists yet</p>
        <p>
          Create your first one above, then add songs from the catalogue. A friend can also add you to theirs
          as a collaborator — tell them your username.
        </p>
      </div>
    );
  }
  return (
    <ul className={styles.grid}>
      {playlists.map((playlist) => (
        <li key={playlist.id} className={styles.card}>
          <span aria-hidden="true" className={styles.cover}>
            ♫
          </span>
          <div className={styles.cardText}>
            <h3 className={styles.cardTitle}>
              <Link href={`/playlists/${playlist.id}`}>{playlist.name}</Link>
            </h3>
            <p className={styles.meta}>by {playlist.username}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
