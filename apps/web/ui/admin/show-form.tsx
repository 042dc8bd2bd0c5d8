'use client';

import type { AlbumSummary } from '@musicapp/types/albums';
import { MAX_SHOW_CAPACITY, type Show } from '@musicapp/types/shows';
import { createShow, updateShow } from '@/actions/admin';
import { Field } from '@/ui/forms/form-feedback';
import { AdminForm, AlbumIdField, useAdminForm } from './admin-form';
import { toUtcInputValue } from './utc-date-time';

/**
 * New show (no `show`) or edit an existing one. The time is typed in UTC whatever the browser's zone,
 * so the stored instant never depends on where the admin sits. A rejected form keeps what was typed.
 */
export function ShowForm({ show, albums }: { show?: Show; albums: AlbumSummary[] }) {
  const form = useAdminForm(show ? updateShow : createShow);
  const { field } = form;
  return (
    <AdminForm form={form} noun="show" editing={show && { name: 'showId', value: show.id }}>
      <Field {...field('title', show?.title)} label="Title" required />
      <Field {...field('performer', show?.performer)} label="Performer" required />
      <Field {...field('venue', show?.venue)} label="Venue" required />
      <Field
        {...field('startsAt', show && toUtcInputValue(show.startsAt))}
        label="Starts at (UTC)"
        type="datetime-local"
        required
      />
      <Field
        {...field('capacity', show?.capacity)}
        label="Capacity"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_SHOW_CAPACITY}
        required
      />
      <AlbumIdField {...field('albumId', show?.albumId)} albums={albums} />
    </AdminForm>
  );
}
