'use client';

import type { AlbumSummary } from '@musicapp/types/albums';
import { useActionState } from 'react';
import { type AdminFormState, createSong } from '../../actions/admin';
import { Field, FormFeedback } from '../forms/form-feedback';
import formStyles from '../forms/forms.module.css';
import { SubmitButton } from '../forms/submit-button';
import { AlbumChoices } from './album-choices';

const initialState: AdminFormState = {};

/** A new song, a single or on an album; after a success the form is empty again for the next one. */
export function SongForm({ albums }: { albums: AlbumSummary[] }) {
  const [state, formAction] = useActionState(createSong, initialState);
  const errors = state.fieldErrors ?? {};
  const value = (name: string) => state.values?.[name] ?? '';
  return (
    <form action={formAction} className={formStyles.form} noValidate>
      <FormFeedback state={state} />
      <Field name="title" label="Title" required defaultValue={value('title')} error={errors.title} />
      <Field
        name="performer"
        label="Performer"
        required
        defaultValue={value('performer')}
        error={errors.performer}
      />
      <Field name="genre" label="Genre" required defaultValue={value('genre')} error={errors.genre} />
      <Field
        name="year"
        label="Year"
        type="number"
        inputMode="numeric"
        min={1}
        max={9999}
        required
        defaultValue={value('year')}
        error={errors.year}
      />
      <Field
        name="duration"
        label="Duration in seconds (optional)"
        type="number"
        inputMode="numeric"
        min={0}
        max={86_400}
        defaultValue={value('duration')}
        error={errors.duration}
      />
      <Field
        name="albumId"
        label="Album id (optional)"
        list="song-album-choices"
        autoComplete="off"
        defaultValue={value('albumId')}
        error={errors.albumId}
      />
      <AlbumChoices id="song-album-choices" albums={albums} />
      <SubmitButton pendingLabel="Adding…">Add song</SubmitButton>
    </form>
  );
}
