'use client';

import type { AlbumSummary } from '@musicapp/types/albums';
import { MAX_SHOW_CAPACITY, type Show } from '@musicapp/types/shows';
import { createShow, updateShow } from '../../actions/admin';
import { Field, FormFeedback } from '../forms/form-feedback';
import formStyles from '../forms/forms.module.css';
import { AlbumIdField, SaveButton, useAdminForm } from './admin-form';
import { toUtcInputValue } from './utc-date-time';

/**
 * New show (no `show`) or edit an existing one. The time is typed in UTC whatever the browser's zone,
 * so the stored instant never depends on where the admin sits. A rejected form keeps what was typed.
 */
export function ShowForm({ show, albums }: { show?: Show; albums: AlbumSummary[] }) {
  const { state, formAction, errors, value } = useAdminForm(show ? updateShow : createShow);
  return (
    <form action={formAction} className={formStyles.form} noValidate>
      <FormFeedback state={state} />
      {show ? <input type="hidden" name="showId" value={show.id} /> : null}
      <Field
        name="title"
        label="Title"
        required
        defaultValue={value('title', show?.title)}
        error={errors.title}
      />
      <Field
        name="performer"
        label="Performer"
        required
        defaultValue={value('performer', show?.performer)}
        error={errors.performer}
      />
      <Field
        name="venue"
        label="Venue"
        required
        defaultValue={value('venue', show?.venue)}
        error={errors.venue}
      />
      <Field
        name="startsAt"
        label="Starts at (UTC)"
        type="datetime-local"
        required
        defaultValue={value('startsAt', show ? toUtcInputValue(show.startsAt) : undefined)}
        error={errors.startsAt}
      />
      <Field
        name="capacity"
        label="Capacity"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_SHOW_CAPACITY}
        required
        defaultValue={value('capacity', show?.capacity)}
        error={errors.capacity}
      />
      <AlbumIdField value={value('albumId', show?.albumId)} error={errors.albumId} albums={albums} />
      <SaveButton editing={Boolean(show)} noun="show" />
    </form>
  );
}
