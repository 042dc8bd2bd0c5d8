'use client';

import type { AlbumSummary } from '@musicapp/types/albums';
import { createAlbum, updateAlbum } from '@/actions/admin';
import { Field } from '@/ui/forms/form-feedback';
import { AdminForm, useAdminForm, YearField } from './admin-form';

/**
 * New album (no `album`) or edit an existing one. After adding, the form is empty again for the next
 * album; a rejected form keeps what was typed.
 */
export function AlbumForm({ album }: { album?: AlbumSummary }) {
  const form = useAdminForm(album ? updateAlbum : createAlbum);
  const { field } = form;
  return (
    <AdminForm form={form} noun="album" editing={album && { name: 'albumId', value: album.id }}>
      <Field {...field('name', album?.name)} label="Name" required />
      <YearField {...field('year', album?.year)} />
    </AdminForm>
  );
}
