'use client';

import { useActionState } from 'react';
import { deletePlaylist } from '@/actions/playlists';
import { initialFormState } from '@/lib/form-state';
import { FormFeedback } from '@/ui/forms/form-feedback';
import { SubmitButton } from '@/ui/forms/submit-button';
import styles from './playlists.module.css';

/** Deleting asks once more (an open <details>, so it works without JavaScript too). Owner only. */
export function DeletePlaylistForm({ playlistId, name }: { playlistId: string; name: string }) {
  const [state, formAction] = useActionState(deletePlaylist, initialFormState);
  return (
    <details className={styles.confirm} open={Boolean(state.message) || undefined}>
      <summary>Delete this playlist</summary>
      <form action={formAction} className={styles.stack}>
        <FormFeedback state={state} />
        <input type="hidden" name="playlistId" value={playlistId} />
        <p className={styles.meta}>
          Delete “{name}” with its songs and history for everyone? This cannot be undone.
        </p>
        <div>
          <SubmitButton pendingLabel="Deleting…">Yes, delete it</SubmitButton>
        </div>
      </form>
    </details>
  );
}
