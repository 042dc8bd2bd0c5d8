'use client';

import { useActionState } from 'react';
import { type FormAction, initialFormState } from '@/lib/form-state';
import { FormFeedback } from '@/ui/forms/form-feedback';
import { SubmitButton } from '@/ui/forms/submit-button';
import styles from './admin.module.css';

/**
 * Deleting asks once more (an open <details>, so it works without JavaScript too). The api's refusal
 * (e.g. a show that still has reservations) is shown in an alert.
 */
export function DeleteForm({
  action,
  field,
  id,
  what,
  summary = 'Delete',
}: {
  action: FormAction;
  /** The hidden field the action reads the id from. */
  field: string;
  id: string;
  /** Names the thing in the question, e.g. “Summer Night” (show). */
  what: string;
  summary?: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <details className={styles.confirm} open={state.message ? true : undefined}>
      <summary aria-label={`${summary}: ${what}`}>{summary}</summary>
      <form action={formAction}>
        <FormFeedback state={state} />
        <input type="hidden" name={field} value={id} />
        <p>Delete {what}? This cannot be undone.</p>
        <SubmitButton pendingLabel="Deleting…">Yes, delete it</SubmitButton>
      </form>
    </details>
  );
}
