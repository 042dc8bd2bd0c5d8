import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getAlbum, getSong } from '@/lib/dal';
import { PageHeader } from '@/ui/layout/page-header';
import { SongFacts } from '@/ui/songs/song-facts';
import styles from '@/ui/songs/songs.module.css';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await getSong((await params).id);
  if (!result.ok && result.status === 404) notFound(); // so the 404 page's own title shows
  return { title: result.ok ? `${result.data.song.title} — ${result.data.song.performer}` : 'Song' };
}

export default async function SongPage({ params }: Props) {
  const { id } = await params;
  const result = await getSong(id);
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) throw new Error(result.message);
  const { song } = result.data;
  // The album's name makes a better link; without it the link still works, so a failure is not fatal.
  const album = song.albumId ? await getAlbum(song.albumId) : null;
  return (
    <>
      <PageHeader title={song.title}>{song.performer}</PageHeader>
      <section className={styles.detail} aria-label="About the song">
        <SongFacts song={song} albumName={album?.ok ? album.data.album.name : undefined} />
      </section>
      <p className={styles.back}>
        <Link href="/songs">← Search songs</Link>
      </p>
    </>
  );
}
