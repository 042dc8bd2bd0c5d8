import type { Metadata } from 'next';
import Link from 'next/link';
import { deleteAlbum } from '../../../actions/admin';
import { getAdminSession } from '../../../lib/admin-dal';
import { getAlbums } from '../../../lib/dal';
import { firstParam, type SearchParams } from '../../../lib/search-params';
import styles from '../../../ui/admin/admin.module.css';
import { AdminsOnly } from '../../../ui/admin/admins-only';
import { AlbumForm } from '../../../ui/admin/album-form';
import { DeleteForm } from '../../../ui/admin/delete-form';
import formStyles from '../../../ui/forms/forms.module.css';
import { PageHeader } from '../../../ui/layout/page-header';

export const metadata: Metadata = { title: 'Albums' };

export default async function AdminAlbumsPage({ searchParams }: { searchParams: SearchParams }) {
  if (!(await getAdminSession('/admin/albums'))) return <AdminsOnly />;
  const params = await searchParams;
  const cursor = firstParam(params.cursor);
  const result = await getAlbums(cursor);
  if (!result.ok) throw new Error(result.message);
  return (
    <>
      <PageHeader title="Albums">
        The catalogue’s albums. Use an album’s id to put a song or a show on it.
      </PageHeader>
      {firstParam(params.deleted) ? (
        <p role="status" className={`${formStyles.success} ${styles.notice}`}>
          The album is deleted.
        </p>
      ) : null}
      <div className={styles.columns}>
        <section className={styles.panel} aria-labelledby="albums-title">
          <h2 id="albums-title">In the catalogue</h2>
          {result.data.albums.length === 0 ? (
            <p className={styles.empty}>No albums yet. Add the first one with the form.</p>
          ) : (
            <ul className={styles.rows}>
              {result.data.albums.map((album) => (
                <li key={album.id} className={styles.row}>
                  <div className={styles.rowMain}>
                    <Link className={styles.rowTitle} href={`/albums/${album.id}`}>
                      {album.name}
                    </Link>
                    <p className={styles.meta}>
                      {album.year} · id <span className={styles.id}>{album.id}</span>
                    </p>
                  </div>
                  <div className={styles.rowActions}>
                    <Link href={`/admin/albums/${album.id}`} aria-label={`Edit ${album.name}`}>
                      Edit
                    </Link>
                    <DeleteForm
                      action={deleteAlbum}
                      field="albumId"
                      id={album.id}
                      what={`the album “${album.name}”`}
                    />
                  </div>
                </li>
              ))}
            </ul>
          )}
          {result.data.nextCursor ? (
            <p>
              <Link
                className="button button-secondary"
                href={`/admin/albums?cursor=${encodeURIComponent(result.data.nextCursor)}`}
              >
                More albums
              </Link>
            </p>
          ) : null}
        </section>
        <section className={styles.panel} aria-labelledby="new-album-title">
          <h2 id="new-album-title">New album</h2>
          <AlbumForm />
        </section>
      </div>
    </>
  );
}
