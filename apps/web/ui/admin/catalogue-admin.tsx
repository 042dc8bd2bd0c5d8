import Link from 'next/link';
import type { ReactNode } from 'react';
import type { FormAction } from '@/lib/form-state';
import formStyles from '@/ui/forms/forms.module.css';
import { PageHeader } from '@/ui/layout/page-header';
import styles from './admin.module.css';
import { DeleteForm } from './delete-form';

/** One item of an admin list: its title, facts under it, its edit page and, optionally, a delete form. */
export type CatalogueRow = {
  id: string;
  title: string;
  /** The item's public page, when it has one: the title links there. */
  href?: string;
  /** One line each under the title. */
  meta: ReactNode[];
  edit: string;
  remove?: {
    action: FormAction;
    /** The hidden field the action reads the id from. */
    field: string;
    /** Names the thing in the question, e.g. the album “Blue”. */
    what: string;
  };
};

/**
 * The page every catalogue kind (albums, songs, shows) has in the admin area: what was just deleted,
 * the list with a link to more, and the form that adds one beside it.
 */
export function CatalogueAdmin({
  title,
  intro,
  noun,
  listTitle,
  empty,
  rows,
  more,
  deleted,
  form,
}: {
  title: string;
  intro: ReactNode;
  /** e.g. "album": "The album is deleted.", "New album". */
  noun: string;
  listTitle: string;
  empty: string;
  rows: CatalogueRow[];
  more: { href: string; label: string } | null;
  deleted: boolean;
  form: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title}>{intro}</PageHeader>
      {deleted ? (
        <p role="status" className={`${formStyles.success} ${styles.notice}`}>
          The {noun} is deleted.
        </p>
      ) : null}
      <div className={styles.columns}>
        <section className={styles.panel} aria-labelledby="catalogue-list-title">
          <h2 id="catalogue-list-title">{listTitle}</h2>
          {rows.length === 0 ? <p className={styles.empty}>{empty}</p> : <CatalogueRows rows={rows} />}
          {more ? (
            <p>
              <Link className="button button-secondary" href={more.href}>
                {more.label}
              </Link>
            </p>
          ) : null}
        </section>
        <section className={styles.panel} aria-labelledby="catalogue-new-title">
          <h2 id="catalogue-new-title">New {noun}</h2>
          {form}
        </section>
      </div>
    </>
  );
}

/** The rows of an admin list, each with its edit link and, where it has one, its delete form. */
export function CatalogueRows({ rows }: { rows: CatalogueRow[] }) {
  return (
    <ul className={styles.rows}>
      {rows.map((row) => (
        <li key={row.id} className={styles.row}>
          <div className={styles.rowMain}>
            {row.href ? (
              <Link className={styles.rowTitle} href={row.href}>
                {row.title}
              </Link>
            ) : (
              <span className={styles.rowTitle}>{row.title}</span>
            )}
            {row.meta.map((line, index) => (
              // The lines are fixed per kind: their position is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <p key={index} className={styles.meta}>
                {line}
              </p>
            ))}
          </div>
          <div className={styles.rowActions}>
            <Link href={row.edit} aria-label={`Edit ${row.title}`}>
              Edit
            </Link>
            {row.remove ? (
              <DeleteForm
                action={row.remove.action}
                field={row.remove.field}
                id={row.id}
                what={row.remove.what}
              />
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
