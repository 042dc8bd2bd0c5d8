import type { Metadata } from 'next';
import Link from 'next/link';
import { getMyPlaylists, requireSession } from '@/lib/dal';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { PageHeader } from '@/ui/layout/page-header';
import { CreatePlaylistForm } from '@/ui/playlists/create-playlist-form';
import { PlaylistList } from '@/ui/playlists/playlist-list';
import styles from '@/ui/playlists/playlists.module.css';
import { SharingNote } from '@/ui/playlists/sharing-note';

export const metadata: Metadata = { title: 'My playlists' };

export default async function PlaylistsPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireSession('/playlists');
  const cursor = firstParam((await searchParams).cursor) || undefined;
  const result = await getMyPlaylists(session, cursor);
  if (!result.ok) throw new Error(result.message);
  const { playlists, nextCursor } = result.data;
  return (
    <>
      <PageHeader title="My playlists">
        Playlists you own and the ones friends share with you, A to Z.
      </PageHeader>
      <div className={styles.top}>
        <section className={styles.panel} aria-labelledby="create-title">
          <h2 id="create-title">New playlist</h2>
          <CreatePlaylistForm />
        </section>
        <SharingNote />
      </div>
      <section aria-labelledby="list-title">
        <h2 id="list-title" className={styles.sectionTitle}>
          Your playlists
        </h2>
        <PlaylistList playlists={playlists} />
        {nextCursor ? (
          <p className={styles.more}>
            <Link
              className="button button-secondary"
              href={`/playlists?cursor=${encodeURIComponent(nextCursor)}`}
            >
              More playlists
            </Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
