import 'server-only';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { noData } from './api-client';
import { type FormAction, type FormState, fieldErrorsOf, textField, textFields } from './form-state';
import { guardedAction } from './guarded-action';

/**
 * The create / update / delete actions of the admin area, built from one declaration per kind of
 * catalogue item (actions/admin.ts declares shows, albums and songs). Each built action checks the
 * session and the admin role itself (the layout's check only decides what is drawn), and the api checks
 * the token once more.
 */

/** One kind of catalogue item, as the admin forms and the api see it. */
export interface CatalogueKind<P> {
  /** The api's collection, and the admin pages' segment: `/shows` and `/admin/shows`. */
  collection: 'shows' | 'albums' | 'songs';
  /** The hidden field that carries the item's id on edit and delete forms. */
  idField: string;
  fields: readonly string[];
  /** The typed fields as the shared schema's payload. */
  parse(values: Record<string, string>): z.ZodSafeParseResult<P>;
  /** The pages that show the item; after a create `id` is unknown, but the payload is. */
  revalidate(id?: string, payload?: P): void;
}

const listPath = (kind: CatalogueKind<unknown>) => `/admin/${kind.collection}`;
const itemPath = (kind: CatalogueKind<unknown>, id: string) =>
  `/admin/${kind.collection}/${encodeURIComponent(id)}`;
const apiPath = (kind: CatalogueKind<unknown>, id: string) => `/${kind.collection}/${encodeURIComponent(id)}`;

/** An admin-only action; after a login the admin comes back to `returnTo`. */
const adminAction = (returnTo: (formData: FormData) => string, run: Parameters<typeof guardedAction>[1]) =>
  guardedAction((formData) => ({ returnTo: returnTo(formData), role: 'admin' }), run);

/** POSTs the form; `created` says what happens next (a message, or a redirect to the new item). */
export function createAction<P, S extends z.ZodType>(
  kind: CatalogueKind<P>,
  createdSchema: S,
  created: (data: z.output<S>, payload: P) => FormState,
): FormAction {
  return adminAction(
    () => listPath(kind),
    async ({ formData, call, refuse }) => {
      const values = textFields(formData, kind.fields);
      const parsed = kind.parse(values);
      if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
      const result = await call(`/${kind.collection}`, createdSchema, { method: 'POST', body: parsed.data });
      if (!result.ok) return refuse(result, values);
      kind.revalidate(undefined, parsed.data);
      return created(result.data, parsed.data);
    },
  );
}

/** PUTs the form to the item named by its id field and stays on its page. */
export function updateAction<P>(kind: CatalogueKind<P>, success: string): FormAction {
  return adminAction(
    (formData) => itemPath(kind, textField(formData, kind.idField)),
    async ({ formData, call, refuse }) => {
      const id = textField(formData, kind.idField);
      const values = textFields(formData, kind.fields);
      const parsed = kind.parse(values);
      if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
      const result = await call(apiPath(kind, id), noData, { method: 'PUT', body: parsed.data });
      if (!result.ok) return refuse(result, values);
      kind.revalidate(id, parsed.data);
      return { success };
    },
  );
}

/** DELETEs the item named by the form's id field and goes back to the list. */
export function deleteAction<P>(kind: CatalogueKind<P>): FormAction {
  return adminAction(
    (formData) => itemPath(kind, textField(formData, kind.idField)),
    async ({ formData, call, refuse }) => {
      const id = textField(formData, kind.idField);
      const result = await call(apiPath(kind, id), noData, { method: 'DELETE' });
      if (!result.ok) return refuse(result);
      kind.revalidate(id);
      redirect(`${listPath(kind)}?deleted=1`);
    },
  );
}
