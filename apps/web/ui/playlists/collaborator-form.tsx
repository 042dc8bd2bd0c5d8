'use client';

import { useActionState } from 'react';
import { changeCollaborator } from '@/actions/playlists';
import { initialFormState } from '@/lib/form-state';
import { Field, FormFeedback } from '@/ui/forms/form-feedback';
import { SubmitButton } from '@/ui/forms/submit-button';
import styles from './playlists.module.css';

/** One username, two buttons: the action reads which was pressed (`intent`). Owner only. */
export function CollaboratorForm({ playlistId }: { playlistId: string }) {
  const [state, formAction] = useActionState(changeCollaborator, initialFormState);
  return (
    <form action={formAction} className={styles.stack}>
      <FormFeedback state={state} />
      <input type="hidden" name="playlistId" value={playlistId} />
      <Field
        name="username"
        label="Their username"
        required
        maxLength={50}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        defaultValue={state.values?.username ?? ''}
        error={state.fieldErrors?.username}
      />
      <div className={styles.buttons}>
        <SubmitButton pendingLabel="Adding…" name="intent" value="add">
          Add collaborator
        </SubmitButton>
        <SubmitButton pendingLabel="Removing…" name="intent" value="remove" variant="secondary">
          Remove collaborator
        </SubmitButton>
      </div>
    </form>
  );
}
