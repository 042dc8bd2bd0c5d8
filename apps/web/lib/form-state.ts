import type { z } from 'zod';

/** What every Server Action answers to its form (`useActionState`). */
export interface FormState {
  fieldErrors?: Record<string, string>;
  message?: string;
  /** Set after a success that stays on the page (e.g. a reservation code to show). */
  success?: string;
  /** What was typed, handed back after a rejection so the form keeps its values. */
  values?: Record<string, string>;
  /** A new Idempotency-Key for the form's next submit: the api refused the last one, so it is spent. */
  idempotencyKey?: string;
}

export const initialFormState: FormState = {};

/** A Server Action as a form's `useActionState` calls it; the UI takes one as a prop by this type. */
export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** The first message per field, from the shared schema's validation. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}

/** A text field as typed; a missing field (or a file) is empty. */
export function textField(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** The named text fields as typed, for handing back after a rejection. */
export function textFields(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, textField(formData, name)]));
}
