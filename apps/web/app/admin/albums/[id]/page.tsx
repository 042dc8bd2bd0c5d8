import { pluralise } from '@musicapp/types/common';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { deleteAlbum } from '@/actions/admin';
import { getAdminSession, getAlbumForEditing } from '@/lib/admin-dal';
import styles from '@/ui/admin/admin.module.css';
import { AdminsOnly } from '@/ui/admin/admins-only';
import { AlbumForm } from '@/ui/admin/album-form';
import { CatalogueRows } from '@/ui/admin/catalogue-admin';
import { DeleteForm } from '@/ui/admin/delete-form';
import { EditPanels } from '@/ui/admin/edit-panels';
import { PageHeader } from '@/ui/layout/page-header';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await getAlbumForEditing((await params).id);
  return { title: result.ok ? `Edit ${result.data.album.name}` : 'Edit album' };
}

export default async function AdminAlbumPage({ params }: Props) {
  const { id } = await params;
  if (!(await getAdminSession(`/admin/albums/${id}`))) return <AdminsOnly />;
  const result = await getAlbumForEditing(id);
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) throw new Error(result.message);
  const { album } = result.data;
  return (
    <>
      <PageHeader title={`Edit ${album.name}`}>
        {pluralise(album.songs.length, 'song')} · id <span className={styles.id}>{album.id}</span> ·{' '}
        <Link href={`/albums/${album.id}`}>See the public page</Link>
      </PageHeader>
      <EditPanels
        deleteNote="Its songs stay in the catalogue as singles."
        deleteForm={
          <DeleteForm
            action={deleteAlbum}
            field="albumId"
            id={album.id}
            what={`the album “${album.name}”`}
            summary="Delete this album"
          />
        }
      >
        <AlbumForm album={album} />
      </EditPanels>
      <section className={`${styles.panel} ${styles.below}`} aria-labelledby="album-songs-title">
        <h2 id="album-songs-title">Songs on it</h2>
        {album.songs.length === 0 ? (
          <p className={styles.empty}>
            No songs yet. Add one on the <Link href="/admin/songs">songs page</Link> with this album’s id.
          </p>
        ) : (
          <CatalogueRows
            rows={album.songs.map((song) => ({
              id: song.id,
              title: song.title,
              meta: [song.performer],
              edit: `/admin/songs/${song.id}`,
            }))}
          />
        )}
      </section>
      <p>
        <Link href="/admin/albums">← All albums</Link>
      </p>
    </>
  );
}
