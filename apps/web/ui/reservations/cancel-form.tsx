'use client';

import { useActionState } from 'react';
import { cancelReservation } from '@/actions/reservations';
import { initialFormState } from '@/lib/form-state';
import { FormFeedback } from '@/ui/forms/form-feedback';
import { SubmitButton } from '@/ui/forms/submit-button';
import styles from './reservations.module.css';

/** Cancelling asks once more (an open <details>, so it works without JavaScript too). */
export function CancelForm({ reservationId, code }: { reservationId: string; code: string }) {
  const [state, formAction] = useActionState(cancelReservation, initialFormState);
  return (
    <details className={styles.confirm}>
      <summary>Cancel this reservation</summary>
      <form action={formAction}>
        <FormFeedback state={state} />
        <input type="hidden" name="reservationId" value={reservationId} />
        <p>Release the seats of reservation {code}? This cannot be undone.</p>
        <SubmitButton pendingLabel="Cancelling…">Yes, cancel it</SubmitButton>
      </form>
    </details>
  );
}
