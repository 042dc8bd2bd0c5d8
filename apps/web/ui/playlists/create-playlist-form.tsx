'use client';

import { useActionState } from 'react';
import { createPlaylist } from '@/actions/playlists';
import { initialFormState } from '@/lib/form-state';
import { Field, FormFeedback } from '@/ui/forms/form-feedback';
import { SubmitButton } from '@/ui/forms/submit-button';
import styles from './playlists.module.css';

/** Names a new playlist; the action opens it straight away, ready for songs. */
export function CreatePlaylistForm() {
  const [state, formAction] = useActionState(createPlaylist, initialFormState);
  return (
    <form action={formAction} className={styles.inlineForm}>
      <FormFeedback state={state} />
      <div className={styles.inlineFields}>
        <Field
          name="name"
          label="Playlist name"
          required
          maxLength={200}
          autoComplete="off"
          placeholder="e.g. Sunday drive"
          error={state.fieldErrors?.name}
        />
        <SubmitButton pendingLabel="Creating…">Create playlist</SubmitButton>
      </div>
    </form>
  );
}
