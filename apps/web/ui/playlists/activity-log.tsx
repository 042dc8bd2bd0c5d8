import type { Activity } from '@musicapp/types/playlists';
import { LocalTime } from '@/ui/time/local-time';
import styles from './playlists.module.css';

/** Who added or removed which song, and when; newest first. */
export function ActivityLog({ activities }: { activities: Activity[] }) {
  if (activities.length === 0) return <p className={styles.meta}>Nothing has happened here yet.</p>;
  return (
    <ol className={styles.log}>
      {[...activities].reverse().map((activity, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id and the log only grows
        <li key={activities.length - index} className={styles.logEntry}>
          <span
            aria-hidden="true"
            className={`${styles.dot} ${activity.action === 'add' ? styles.dotAdd : styles.dotRemove}`}
          />
          <div>
            <p className={styles.logText}>
              <strong>{activity.username}</strong> {activity.action === 'add' ? 'added' : 'removed'}{' '}
              <span className={styles.logTitle}>“{activity.title}”</span>
            </p>
            <p className={styles.logTime}>
              <LocalTime iso={activity.time} />
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
