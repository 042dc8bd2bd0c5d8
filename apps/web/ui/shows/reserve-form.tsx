'use client';

import { MAX_SEATS_PER_RESERVATION } from '@musicapp/types/reservations';
import { useActionState } from 'react';
import { reserve } from '@/actions/reservations';
import { initialFormState } from '@/lib/form-state';
import { FormFeedback } from '@/ui/forms/form-feedback';
import formStyles from '@/ui/forms/forms.module.css';
import { SubmitButton } from '@/ui/forms/submit-button';
import styles from './shows.module.css';

/**
 * Reserve 1–6 seats. `idempotencyKey` is made once per render of the page: submitting twice, or again
 * after a lost answer, returns the first reservation instead of booking a second one. After a refusal
 * the action hands back a fresh key, so trying again with another seat count is a new request.
 */
export function ReserveForm({ showId, idempotencyKey }: { showId: string; idempotencyKey: string }) {
  const [state, formAction] = useActionState(reserve, initialFormState);
  // Always 1–6: the seats left may have changed since the page was drawn, and the api says so clearly.
  const choices = Array.from({ length: MAX_SEATS_PER_RESERVATION }, (_, i) => i + 1);
  return (
    <form action={formAction} className={formStyles.form}>
      <FormFeedback state={state} />
      <input type="hidden" name="showId" value={showId} />
      <input type="hidden" name="idempotencyKey" value={state.idempotencyKey ?? idempotencyKey} />
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor="seats">
          Seats
        </label>
        <select
          id="seats"
          name="seats"
          className={styles.select}
          defaultValue="2"
          aria-invalid={state.fieldErrors?.seats ? true : undefined}
          aria-describedby={state.fieldErrors?.seats ? 'seats-error' : undefined}
        >
          {choices.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        {state.fieldErrors?.seats ? (
          <p id="seats-error" className={formStyles.fieldError}>
            {state.fieldErrors.seats}
          </p>
        ) : null}
      </div>
      <SubmitButton pendingLabel="Reserving…">Reserve seats</SubmitButton>
    </form>
  );
}
