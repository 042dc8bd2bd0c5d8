'use client';

import type { AlbumSummary } from '@musicapp/types/albums';
import type { Song } from '@musicapp/types/songs';
import { createSong, updateSong } from '../../actions/admin';
import { Field, FormFeedback } from '../forms/form-feedback';
import formStyles from '../forms/forms.module.css';
import { AlbumIdField, SaveButton, useAdminForm, YearField } from './admin-form';

/**
 * New song (no `song`), a single or on an album, or edit an existing one. After adding, the form is
 * empty again for the next song; a rejected form keeps what was typed.
 */
export function SongForm({ song, albums }: { song?: Song; albums: AlbumSummary[] }) {
  const { state, formAction, errors, value } = useAdminForm(song ? updateSong : createSong);
  return (
    <form action={formAction} className={formStyles.form} noValidate>
      <FormFeedback state={state} />
      {song ? <input type="hidden" name="songId" value={song.id} /> : null}
      <Field
        name="title"
        label="Title"
        required
        defaultValue={value('title', song?.title)}
        error={errors.title}
      />
      <Field
        name="performer"
        label="Performer"
        required
        defaultValue={value('performer', song?.performer)}
        error={errors.performer}
      />
      <Field
        name="genre"
        label="Genre"
        required
        defaultValue={value('genre', song?.genre)}
        error={errors.genre}
      />
      <YearField value={value('year', song?.year)} error={errors.year} />
      <Field
        name="duration"
        label="Duration in seconds (optional)"
        type="number"
        inputMode="numeric"
        min={0}
        max={86_400}
        defaultValue={value('duration', song?.duration)}
        error={errors.duration}
      />
      <AlbumIdField value={value('albumId', song?.albumId)} error={errors.albumId} albums={albums} />
      <SaveButton editing={Boolean(song)} noun="song" />
    </form>
  );
}
