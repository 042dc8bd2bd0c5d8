'use client';

import type { AlbumSummary } from '@musicapp/types/albums';
import type { Song } from '@musicapp/types/songs';
import { createSong, updateSong } from '@/actions/admin';
import { Field } from '@/ui/forms/form-feedback';
import { AdminForm, AlbumIdField, useAdminForm, YearField } from './admin-form';

/**
 * New song (no `song`), a single or on an album, or edit an existing one. After adding, the form is
 * empty again for the next song; a rejected form keeps what was typed.
 */
export function SongForm({ song, albums }: { song?: Song; albums: AlbumSummary[] }) {
  const form = useAdminForm(song ? updateSong : createSong);
  const { field } = form;
  return (
    <AdminForm form={form} noun="song" editing={song && { name: 'songId', value: song.id }}>
      <Field {...field('title', song?.title)} label="Title" required />
      <Field {...field('performer', song?.performer)} label="Performer" required />
      <Field {...field('genre', song?.genre)} label="Genre" required />
      <YearField {...field('year', song?.year)} />
      <Field
        {...field('duration', song?.duration)}
        label="Duration in seconds (optional)"
        type="number"
        inputMode="numeric"
        min={0}
        max={86_400}
      />
      <AlbumIdField {...field('albumId', song?.albumId)} albums={albums} />
    </AdminForm>
  );
}
