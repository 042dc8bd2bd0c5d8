import type { Metadata } from 'next';
import Link from 'next/link';
import { getAdminSession, getAlbumChoices } from '../../../lib/admin-dal';
import { getUpcomingShows } from '../../../lib/dal';
import { firstParam, type SearchParams } from '../../../lib/search-params';
import styles from '../../../ui/admin/admin.module.css';
import { AdminsOnly } from '../../../ui/admin/admins-only';
import { ShowForm } from '../../../ui/admin/show-form';
import { formatUtc } from '../../../ui/admin/utc-date-time';
import formStyles from '../../../ui/forms/forms.module.css';
import { PageHeader } from '../../../ui/layout/page-header';

export const metadata: Metadata = { title: 'Shows' };

export default async function AdminShowsPage({ searchParams }: { searchParams: SearchParams }) {
  if (!(await getAdminSession('/admin/shows'))) return <AdminsOnly />;
  const params = await searchParams;
  const cursor = firstParam(params.cursor);
  const [shows, albums] = await Promise.all([getUpcomingShows(cursor), getAlbumChoices()]);
  if (!shows.ok) throw new Error(shows.message);
  return (
    <>
      <PageHeader title="Shows">Upcoming shows, soonest first. Times are in UTC.</PageHeader>
      {firstParam(params.deleted) ? (
        <p role="status" className={`${formStyles.success} ${styles.notice}`}>
          The show is deleted.
        </p>
      ) : null}
      <div className={styles.columns}>
        <section className={styles.panel} aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">Upcoming</h2>
          {shows.data.shows.length === 0 ? (
            <p className={styles.empty}>No upcoming shows. Add the first one with the form.</p>
          ) : (
            <ul className={styles.rows}>
              {shows.data.shows.map((show) => (
                <li key={show.id} className={styles.row}>
                  <div className={styles.rowMain}>
                    <span className={styles.rowTitle}>{show.title}</span>
                    <p className={styles.meta}>
                      {show.performer} · {show.venue} · {formatUtc(show.startsAt)}
                    </p>
                    <p className={styles.meta}>
                      {show.capacity - show.seatsLeft} of {show.capacity} seats reserved
                    </p>
                  </div>
                  <Link href={`/admin/shows/${show.id}`} aria-label={`Edit ${show.title}`}>
                    Edit
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {shows.data.nextCursor ? (
            <p>
              <Link
                className="button button-secondary"
                href={`/admin/shows?cursor=${encodeURIComponent(shows.data.nextCursor)}`}
              >
                Later shows
              </Link>
            </p>
          ) : null}
        </section>
        <section className={styles.panel} aria-labelledby="new-show-title">
          <h2 id="new-show-title">New show</h2>
          <ShowForm albums={albums.ok ? albums.data.albums : []} />
        </section>
      </div>
    </>
  );
}
