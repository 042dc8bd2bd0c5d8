import styles from './playlists.module.css';

/** How sharing works: collaborators are added by username, the one they log in with. */
export function SharingNote() {
  return (
    <aside className={styles.note} aria-labelledby="sharing-title">
      <p id="sharing-title" className={styles.noteTitle}>
        Share a playlist
      </p>
      <p className={styles.meta}>
        Open one of your playlists and add a friend’s username under “Collaborators”: they can then add and
        remove its songs. To join a friend’s playlist, tell them the username you log in with.
      </p>
    </aside>
  );
}
