import styles from './playlists.module.css';

/**
 * Collaborators are added by user id (the web has no lookup by username yet), so the page shows the
 * reader's own id for them to pass on to a playlist owner.
 */
export function UserIdNote({ userId }: { userId: string }) {
  return (
    <aside className={styles.note} aria-labelledby="user-id-title">
      <p id="user-id-title" className={styles.noteTitle}>
        Your user id: <code className={styles.code}>{userId}</code>
      </p>
      <p className={styles.meta}>
        To collaborate on a friend’s playlist, send them this id; they add it under “Collaborators” on their
        playlist’s page.
      </p>
    </aside>
  );
}
