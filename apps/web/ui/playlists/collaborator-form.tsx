'use client';

import { useActionState } from 'react';
import { changeCollaborator } from '../../actions/playlists';
import { initialFormState } from '../../lib/form-state';
import { Field, FormFeedback } from '../forms/form-feedback';
import { SubmitButton } from '../forms/submit-button';
import styles from './playlists.module.css';

/** One user id, two buttons: the action reads which was pressed (`intent`). Owner only. */
export function CollaboratorForm({ playlistId }: { playlistId: string }) {
  const [state, formAction] = useActionState(changeCollaborator, initialFormState);
  return (
    <form action={formAction} className={styles.stack}>
      <FormFeedback state={state} />
      <input type="hidden" name="playlistId" value={playlistId} />
      <Field
        name="userId"
        label="User id"
        required
        maxLength={64}
        autoComplete="off"
        spellCheck={false}
        placeholder="user-…"
        error={state.fieldErrors?.userId}
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
