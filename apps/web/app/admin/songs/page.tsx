import type { Metadata } from 'next';
import { deleteSong } from '@/actions/admin';
import { getAdminSession, getAlbumChoices, getCatalogueSongs } from '@/lib/admin-dal';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { AdminsOnly } from '@/ui/admin/admins-only';
import { CatalogueAdmin } from '@/ui/admin/catalogue-admin';
import { SongForm } from '@/ui/admin/song-form';

export const metadata: Metadata = { title: 'Songs' };

export default async function AdminSongsPage({ searchParams }: { searchParams: SearchParams }) {
  if (!(await getAdminSession('/admin/songs'))) return <AdminsOnly />;
  const params = await searchParams;
  const [songs, albums] = await Promise.all([
    getCatalogueSongs(firstParam(params.cursor)),
    getAlbumChoices(),
  ]);
  if (!songs.ok) throw new Error(songs.message);
  const { nextCursor } = songs.data;
  return (
    <CatalogueAdmin
      title="Songs"
      intro="The catalogue’s songs, singles and album tracks alike."
      noun="song"
      listTitle="In the catalogue"
      empty="No songs yet. Add the first one with the form."
      rows={songs.data.songs.map((song) => ({
        id: song.id,
        title: song.title,
        href: `/songs/${song.id}`,
        meta: [song.performer],
        edit: `/admin/songs/${song.id}`,
        remove: { action: deleteSong, field: 'songId', what: `the song “${song.title}”` },
      }))}
      more={
        nextCursor
          ? { href: `/admin/songs?cursor=${encodeURIComponent(nextCursor)}`, label: 'More songs' }
          : null
      }
      deleted={Boolean(firstParam(params.deleted))}
      form={<SongForm albums={albums.ok ? albums.data.albums : []} />}
    />
  );
}
