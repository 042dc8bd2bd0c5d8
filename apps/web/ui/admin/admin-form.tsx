'use client';

import type { AlbumSummary } from '@musicapp/types/albums';
import { type ReactNode, useActionState } from 'react';
import { type FormAction, initialFormState } from '@/lib/form-state';
import { Field, FormFeedback } from '@/ui/forms/form-feedback';
import formStyles from '@/ui/forms/forms.module.css';
import { SubmitButton } from '@/ui/forms/submit-button';

/** What a field of an admin form is given: its name, its value and its error. */
export type AdminFieldProps = { name: string; defaultValue: string; error: string | undefined };

/**
 * The state of an admin add-or-edit form: its action, and for each field its props — the value typed
 * when the form was rejected (a rejected form gets `values` back), otherwise the saved value (empty when
 * adding), and the field's error.
 */
export function useAdminForm(action: FormAction) {
  const [state, formAction] = useActionState(action, initialFormState);
  const field = (name: string, saved: string | number | null | undefined): AdminFieldProps => ({
    name,
    defaultValue: state.values?.[name] ?? (saved === null || saved === undefined ? '' : String(saved)),
    error: state.fieldErrors?.[name],
  });
  return { state, formAction, field };
}

/**
 * The frame every admin form shares: the answer on top, the id of the item being edited (none when
 * adding), the fields, then "Add <noun>" or "Save changes".
 */
export function AdminForm({
  form,
  noun,
  editing,
  children,
}: {
  form: ReturnType<typeof useAdminForm>;
  noun: string;
  /** The hidden id field of the item being edited, e.g. `{ name: 'songId', value: song.id }`. */
  editing?: { name: string; value: string } | undefined;
  children: ReactNode;
}) {
  return (
    <form action={form.formAction} className={formStyles.form} noValidate>
      <FormFeedback state={form.state} />
      {editing ? <input type="hidden" name={editing.name} value={editing.value} /> : null}
      {children}
      <SaveButton editing={Boolean(editing)} noun={noun} />
    </form>
  );
}

export function YearField(props: AdminFieldProps) {
  return <Field {...props} label="Year" type="number" inputMode="numeric" min={1} max={9999} required />;
}

/** An optional "Album id" field with the albums as suggestions: type a name or an id, the id is sent. */
export function AlbumIdField({ albums, ...props }: AdminFieldProps & { albums: AlbumSummary[] }) {
  return (
    <>
      <Field {...props} label="Album id (optional)" list="album-choices" autoComplete="off" />
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
function SaveButton({ editing, noun }: { editing: boolean; noun: string }) {
  return (
    <SubmitButton pendingLabel={editing ? 'Saving…' : 'Adding…'}>
      {editing ? 'Save changes' : `Add ${noun}`}
    </SubmitButton>
  );
}
