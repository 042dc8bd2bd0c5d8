'use client';

import type { AlbumSummary } from '@musicapp/types/albums';
import { createAlbum, updateAlbum } from '../../actions/admin';
import { Field, FormFeedback } from '../forms/form-feedback';
import formStyles from '../forms/forms.module.css';
import { SaveButton, useAdminForm, YearField } from './admin-form';

/**
 * New album (no `album`) or edit an existing one. After adding, the form is empty again for the next
 * album; a rejected form keeps what was typed.
 */
export function AlbumForm({ album }: { album?: AlbumSummary }) {
  const { state, formAction, errors, value } = useAdminForm(album ? updateAlbum : createAlbum);
  return (
    <form action={formAction} className={formStyles.form} noValidate>
      <FormFeedback state={state} />
      {album ? <input type="hidden" name="albumId" value={album.id} /> : null}
      <Field
        name="name"
        label="Name"
        required
        defaultValue={value('name', album?.name)}
        error={errors.name}
      />
      <YearField value={value('year', album?.year)} error={errors.year} />
      <SaveButton editing={Boolean(album)} noun="album" />
    </form>
  );
}
