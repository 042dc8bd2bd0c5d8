import styles from './list-skeleton.module.css';

/** A page's placeholder while its data loads: a status for screen readers, grey rows for the eye. */
export function ListSkeleton({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className={styles.wrap}>
      <p className={styles.label}>{label}</p>
      <div aria-hidden="true" className={styles.heading} />
      <ul aria-hidden="true" className={styles.list}>
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholders that never reorder
          <li key={i} className={styles.row}>
            <span className={styles.bar} />
            <span className={`${styles.bar} ${styles.short}`} />
          </li>
        ))}
      </ul>
    </div>
  );
}
