import type { Metadata } from 'next';
import { deleteAlbum } from '@/actions/admin';
import { getAdminSession } from '@/lib/admin-dal';
import { getAlbums } from '@/lib/dal';
import { firstParam, type SearchParams } from '@/lib/search-params';
import styles from '@/ui/admin/admin.module.css';
import { AdminsOnly } from '@/ui/admin/admins-only';
import { AlbumForm } from '@/ui/admin/album-form';
import { CatalogueAdmin } from '@/ui/admin/catalogue-admin';

export const metadata: Metadata = { title: 'Albums' };

export default async function AdminAlbumsPage({ searchParams }: { searchParams: SearchParams }) {
  if (!(await getAdminSession('/admin/albums'))) return <AdminsOnly />;
  const params = await searchParams;
  const result = await getAlbums(firstParam(params.cursor));
  if (!result.ok) throw new Error(result.message);
  const { albums, nextCursor } = result.data;
  return (
    <CatalogueAdmin
      title="Albums"
      intro="The catalogue’s albums. Use an album’s id to put a song or a show on it."
      noun="album"
      listTitle="In the catalogue"
      empty="No albums yet. Add the first one with the form."
      rows={albums.map((album) => ({
        id: album.id,
        title: album.name,
        href: `/albums/${album.id}`,
        meta: [
          <>
            {album.year} · id <span className={styles.id}>{album.id}</span>
          </>,
        ],
        edit: `/admin/albums/${album.id}`,
        remove: { action: deleteAlbum, field: 'albumId', what: `the album “${album.name}”` },
      }))}
      more={
        nextCursor
          ? { href: `/admin/albums?cursor=${encodeURIComponent(nextCursor)}`, label: 'More albums' }
          : null
      }
      deleted={Boolean(firstParam(params.deleted))}
      form={<AlbumForm />}
    />
  );
}
