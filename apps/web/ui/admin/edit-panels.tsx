import type { ReactNode } from 'react';
import styles from './admin.module.css';

/** An admin edit page's body: the form in a "Details" panel beside a "Delete" panel. */
export function EditPanels({
  children,
  deleteNote,
  deleteForm,
}: {
  children: ReactNode;
  deleteNote: ReactNode;
  deleteForm: ReactNode;
}) {
  return (
    <div className={styles.columns}>
      <section className={styles.panel} aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        {children}
      </section>
      <section className={styles.panel} aria-labelledby="delete-title">
        <h2 id="delete-title">Delete</h2>
        <p className={styles.meta}>{deleteNote}</p>
        {deleteForm}
      </section>
    </div>
  );
}
