import type { Metadata } from 'next';
import Link from 'next/link';
import { deleteSong } from '../../../actions/admin';
import { getAdminSession, getAlbumChoices, getCatalogueSongs } from '../../../lib/admin-dal';
import { firstParam, type SearchParams } from '../../../lib/search-params';
import styles from '../../../ui/admin/admin.module.css';
import { AdminsOnly } from '../../../ui/admin/admins-only';
import { DeleteForm } from '../../../ui/admin/delete-form';
import { SongForm } from '../../../ui/admin/song-form';
import formStyles from '../../../ui/forms/forms.module.css';
import { PageHeader } from '../../../ui/layout/page-header';

export const metadata: Metadata = { title: 'Songs' };

export default async function AdminSongsPage({ searchParams }: { searchParams: SearchParams }) {
  if (!(await getAdminSession('/admin/songs'))) return <AdminsOnly />;
  const params = await searchParams;
  const cursor = firstParam(params.cursor);
  const [songs, albums] = await Promise.all([getCatalogueSongs(cursor), getAlbumChoices()]);
  if (!songs.ok) throw new Error(songs.message);
  return (
    <>
      <PageHeader title="Songs">The catalogue’s songs, singles and album tracks alike.</PageHeader>
      {firstParam(params.deleted) ? (
        <p role="status" className={`${formStyles.success} ${styles.notice}`}>
          The song is deleted.
        </p>
      ) : null}
      <div className={styles.columns}>
        <section className={styles.panel} aria-labelledby="songs-title">
          <h2 id="songs-title">In the catalogue</h2>
          {songs.data.songs.length === 0 ? (
            <p className={styles.empty}>No songs yet. Add the first one with the form.</p>
          ) : (
            <ul className={styles.rows}>
              {songs.data.songs.map((song) => (
                <li key={song.id} className={styles.row}>
                  <div className={styles.rowMain}>
                    <Link className={styles.rowTitle} href={`/songs/${song.id}`}>
                      {song.title}
                    </Link>
                    <p className={styles.meta}>{song.performer}</p>
                  </div>
                  <div className={styles.rowActions}>
                    <Link href={`/admin/songs/${song.id}`} aria-label={`Edit ${song.title}`}>
                      Edit
                    </Link>
                    <DeleteForm
                      action={deleteSong}
                      field="songId"
                      id={song.id}
                      what={`the song “${song.title}”`}
                    />
                  </div>
                </li>
              ))}
            </ul>
          )}
          {songs.data.nextCursor ? (
            <p>
              <Link
                className="button button-secondary"
                href={`/admin/songs?cursor=${encodeURIComponent(songs.data.nextCursor)}`}
              >
                More songs
              </Link>
            </p>
          ) : null}
        </section>
        <section className={styles.panel} aria-labelledby="new-song-title">
          <h2 id="new-song-title">New song</h2>
          <SongForm albums={albums.ok ? albums.data.albums : []} />
        </section>
      </div>
    </>
  );
}
