import { pluralise } from '@musicapp/types/common';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getPlaylist, getPlaylistActivities, getSession, requireSession, searchSongs } from '@/lib/dal';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { StatusMessage } from '@/ui/feedback/status-message';
import { PageHeader } from '@/ui/layout/page-header';
import { ActivityLog } from '@/ui/playlists/activity-log';
import { CollaboratorForm } from '@/ui/playlists/collaborator-form';
import { DeletePlaylistForm } from '@/ui/playlists/delete-playlist-form';
import { PlaylistSongs } from '@/ui/playlists/playlist-songs';
import styles from '@/ui/playlists/playlists.module.css';
import { SongPicker } from '@/ui/playlists/song-picker';

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const session = await getSession();
  const result = session ? await getPlaylist(session, (await params).id) : null;
  return { title: result?.ok ? result.data.playlist.name : 'Playlist' };
}

export default async function PlaylistPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = firstParam((await searchParams).q)?.trim() ?? '';
  const session = await requireSession(`/playlists/${id}`);
  const [result, activities, search] = await Promise.all([
    getPlaylist(session, id),
    getPlaylistActivities(session, id),
    query ? searchSongs({ title: query }) : null,
  ]);
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok && result.status === 403) {
    return (
      <StatusMessage
        code="403"
        title="This playlist is private"
        actions={
          <Link href="/playlists" className="button">
            Back to my playlists
          </Link>
        }
      >
        Only its owner and the collaborators they add can open it. Ask the owner to add you by your username.
      </StatusMessage>
    );
  }
  if (!result.ok) throw new Error(result.message);
  const { playlist } = result.data;
  const songCount = pluralise(playlist.songs.length, 'song');

  return (
    <>
      <p className={styles.meta}>
        <Link href="/playlists">← My playlists</Link>
      </p>
      <PageHeader title={playlist.name}>
        By {playlist.username} · {songCount}
      </PageHeader>
      <div className={styles.layout}>
        <div className={styles.column}>
          <section className={styles.panel} aria-labelledby="songs-title">
            <div className={styles.panelHead}>
              <h2 id="songs-title">Songs</h2>
              <span className={styles.count}>{songCount}</span>
            </div>
            <PlaylistSongs playlistId={playlist.id} songs={playlist.songs} />
          </section>
          <section className={styles.panel} aria-labelledby="add-title">
            <h2 id="add-title">Add songs</h2>
            <SongPicker
              playlistId={playlist.id}
              query={query}
              results={search?.ok ? search.data.songs : query ? [] : null}
              error={search && !search.ok ? search.message : undefined}
              inPlaylist={new Set(playlist.songs.map((song) => song.id))}
            />
          </section>
        </div>
        <div className={styles.column}>
          <section className={styles.panel} aria-labelledby="activity-title">
            <h2 id="activity-title">Activity</h2>
            {activities.ok ? (
              <ActivityLog activities={activities.data.activities} />
            ) : (
              <p className={styles.meta}>The activity log is unavailable right now.</p>
            )}
          </section>
          <section className={styles.panel} aria-labelledby="collaborators-title">
            <h2 id="collaborators-title">Collaborators</h2>
            <p className={styles.ownerNote}>
              Collaborators can add and remove songs. Only the owner, {playlist.username}, can change who they
              are: enter a friend’s username.
            </p>
            <CollaboratorForm playlistId={playlist.id} />
          </section>
          <section className={`${styles.panel} ${styles.danger}`} aria-label="Delete playlist">
            <p className={styles.ownerNote}>Only the owner, {playlist.username}, can delete this playlist.</p>
            <DeletePlaylistForm playlistId={playlist.id} name={playlist.name} />
          </section>
        </div>
      </div>
    </>
  );
}
