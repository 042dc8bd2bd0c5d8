import { pluralise } from '@musicapp/types/common';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getAlbum } from '@/lib/dal';
import styles from '@/ui/albums/albums.module.css';
import { PageHeader } from '@/ui/layout/page-header';
import { SongList } from '@/ui/songs/song-list';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await getAlbum((await params).id);
  if (!result.ok && result.status === 404) notFound(); // so the 404 page's own title shows
  return { title: result.ok ? `${result.data.album.name} (${result.data.album.year})` : 'Album' };
}

export default async function AlbumPage({ params }: Props) {
  const { id } = await params;
  const result = await getAlbum(id);
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) throw new Error(result.message);
  const { album } = result.data;
  return (
    <>
      <PageHeader title={album.name}>
        Album · {album.year} · {pluralise(album.songs.length, 'song')}
      </PageHeader>
      <section className={styles.tracks} aria-labelledby="songs-title">
        <h2 id="songs-title">Songs</h2>
        <SongList songs={album.songs} numbered empty="This album has no songs yet." />
      </section>
      <p className={styles.back}>
        <Link href="/albums">← All albums</Link>
      </p>
    </>
  );
}
