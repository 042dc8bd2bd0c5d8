import type { ReactNode } from 'react';
import styles from './status-message.module.css';

/** A centred, friendly message for 404s and errors: a code, a heading, a sentence and actions. */
export function StatusMessage({
  code,
  title,
  children,
  actions,
}: {
  code: string;
  title: string;
  children: ReactNode;
  actions: ReactNode;
}) {
  return (
    <section className={styles.panel} aria-labelledby="status-title">
      <p className={styles.code}>{code}</p>
      <h1 id="status-title" className={styles.title}>
        {title}
      </h1>
      <p className={styles.text}>{children}</p>
      <div className={styles.actions}>{actions}</div>
    </section>
  );
}
