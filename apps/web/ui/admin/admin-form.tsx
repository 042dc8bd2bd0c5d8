'use client';

import type { AlbumSummary } from '@musicapp/types/albums';
import { useActionState } from 'react';
import type { AdminFormState } from '../../actions/admin';
import { Field } from '../forms/form-feedback';
import { SubmitButton } from '../forms/submit-button';

type AdminAction = (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;

const initialState: AdminFormState = {};

/**
 * The state of an admin add-or-edit form: its action, its field errors, and each field's value — what
 * was typed when the form was rejected, otherwise the saved value (empty when adding).
 */
export function useAdminForm(action: AdminAction) {
  const [state, formAction] = useActionState(action, initialState);
  const value = (name: string, saved: string | number | null | undefined) =>
    state.values?.[name] ?? (saved === null || saved === undefined ? '' : String(saved));
  return { state, formAction, errors: state.fieldErrors ?? {}, value };
}

export function YearField({ value, error }: { value: string; error?: string | undefined }) {
  return (
    <Field
      name="year"
      label="Year"
      type="number"
      inputMode="numeric"
      min={1}
      max={9999}
      required
      defaultValue={value}
      error={error}
    />
  );
}

/** An optional "Album id" field with the albums as suggestions: type a name or an id, the id is sent. */
export function AlbumIdField({
  value,
  error,
  albums,
}: {
  value: string;
  error?: string | undefined;
  albums: AlbumSummary[];
}) {
  return (
    <>
      <Field
        name="albumId"
        label="Album id (optional)"
        list="album-choices"
        autoComplete="off"
        defaultValue={value}
        error={error}
      />
      <datalist id="album-choices">
        {albums.map((album) => (
          <option key={album.id} value={album.id}>
            {`${album.name} (${album.year})`}
          </option>
        ))}
      </datalist>
    </>
  );
}

/** "Save changes" when editing, "Add <noun>" when adding. */
export function SaveButton({ editing, noun }: { editing: boolean; noun: string }) {
  return (
    <SubmitButton pendingLabel={editing ? 'Saving…' : 'Adding…'}>
      {editing ? 'Save changes' : `Add ${noun}`}
    </SubmitButton>
  );
}
