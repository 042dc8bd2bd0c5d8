'use client';

import type { SongSummary } from '@musicapp/types/songs';
import { type ReactNode, useActionState } from 'react';
import { addSongToPlaylist, removeSongFromPlaylist } from '@/actions/playlists';
import { initialFormState } from '@/lib/form-state';
import { SubmitButton } from '@/ui/forms/submit-button';
import styles from './playlists.module.css';

interface Props {
  playlistId: string;
  song: SongSummary;
}

function Hidden({ playlistId, song }: Props) {
  return (
    <>
      <input type="hidden" name="playlistId" value={playlistId} />
      <input type="hidden" name="songId" value={song.id} />
      <input type="hidden" name="songTitle" value={song.title} />
    </>
  );
}

/** A song row's action, with the API's refusal of it (if any) just before it. */
function RowAction({ message, children }: { message: string | undefined; children: ReactNode }) {
  return (
    <div className={styles.rowAction}>
      {message ? (
        <p role="alert" className={styles.inlineAlert}>
          {message}
        </p>
      ) : null}
      {children}
    </div>
  );
}

/**
 * "Add" beside a search result. Once the song is in the playlist the same component shows that
 * instead, so the confirmation survives the page re-rendering around it.
 */
export function AddSongForm({ playlistId, song, inPlaylist }: Props & { inPlaylist: boolean }) {
  const [state, formAction] = useActionState(addSongToPlaylist, initialFormState);
  return (
    <RowAction message={state.message}>
      {inPlaylist ? (
        <span role="status" className={styles.badge}>
          {state.success ? 'Added ✓' : 'In playlist'}
        </span>
      ) : (
        <form action={formAction}>
          <Hidden playlistId={playlistId} song={song} />
          <SubmitButton pendingLabel="Adding…">
            Add<span className="visually-hidden"> “{song.title}”</span>
          </SubmitButton>
        </form>
      )}
    </RowAction>
  );
}

/** "Remove" beside a song of the playlist; the list re-renders without it. */
export function RemoveSongForm({ playlistId, song }: Props) {
  const [state, formAction] = useActionState(removeSongFromPlaylist, initialFormState);
  return (
    <RowAction message={state.message}>
      <form action={formAction}>
        <Hidden playlistId={playlistId} song={song} />
        <SubmitButton pendingLabel="Removing…" variant="secondary">
          Remove<span className="visually-hidden"> “{song.title}”</span>
        </SubmitButton>
      </form>
    </RowAction>
  );
}
