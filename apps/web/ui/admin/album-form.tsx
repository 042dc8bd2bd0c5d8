'use client';

import { useActionState } from 'react';
import { type AdminFormState, createAlbum } from '../../actions/admin';
import { Field, FormFeedback } from '../forms/form-feedback';
import formStyles from '../forms/forms.module.css';
import { SubmitButton } from '../forms/submit-button';

const initialState: AdminFormState = {};

/** A new album; after a success the form is empty again for the next one. */
export function AlbumForm() {
  const [state, formAction] = useActionState(createAlbum, initialState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className={formStyles.form} noValidate>
      <FormFeedback state={state} />
      <Field name="name" label="Name" required defaultValue={state.values?.name ?? ''} error={errors.name} />
      <Field
        name="year"
        label="Year"
        type="number"
        inputMode="numeric"
        min={1}
        max={9999}
        required
        defaultValue={state.values?.year ?? ''}
        error={errors.year}
      />
      <SubmitButton pendingLabel="Adding…">Add album</SubmitButton>
    </form>
  );
}
