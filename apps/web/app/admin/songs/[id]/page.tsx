import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { deleteSong } from '@/actions/admin';
import { getAdminSession, getAlbumChoices } from '@/lib/admin-dal';
import { getSong } from '@/lib/dal';
import styles from '@/ui/admin/admin.module.css';
import { AdminsOnly } from '@/ui/admin/admins-only';
import { DeleteForm } from '@/ui/admin/delete-form';
import { EditPanels } from '@/ui/admin/edit-panels';
import { SongForm } from '@/ui/admin/song-form';
import { PageHeader } from '@/ui/layout/page-header';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await getSong((await params).id);
  return { title: result.ok ? `Edit ${result.data.song.title}` : 'Edit song' };
}

export default async function AdminSongPage({ params }: Props) {
  const { id } = await params;
  if (!(await getAdminSession(`/admin/songs/${id}`))) return <AdminsOnly />;
  const [result, albums] = await Promise.all([getSong(id), getAlbumChoices()]);
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) throw new Error(result.message);
  const { song } = result.data;
  return (
    <>
      <PageHeader title={`Edit ${song.title}`}>
        {song.performer} · id <span className={styles.id}>{song.id}</span> ·{' '}
        <Link href={`/songs/${song.id}`}>See the public page</Link>
      </PageHeader>
      <EditPanels
        deleteNote="The song also leaves every playlist it is on."
        deleteForm={
          <DeleteForm
            action={deleteSong}
            field="songId"
            id={song.id}
            what={`the song “${song.title}”`}
            summary="Delete this song"
          />
        }
      >
        <SongForm song={song} albums={albums.ok ? albums.data.albums : []} />
      </EditPanels>
      <p>
        <Link href="/admin/songs">← All songs</Link>
      </p>
    </>
  );
}
