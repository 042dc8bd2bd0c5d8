'use server';

import { albumPayload, createAlbumResponse } from '@musicapp/types/albums';
import { createShowResponse, showPayload } from '@musicapp/types/shows';
import { createSongResponse, songPayload } from '@musicapp/types/songs';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { noData } from '@/lib/api-client';
import { type FormAction, type FormState, fieldErrorsOf, textField, textFields } from '@/lib/form-state';
import { guardedAction } from '@/lib/guarded-action';

/**
 * Catalogue and show writes for admins. Each action checks the session and the role itself (the
 * layout's check only decides what is drawn) and the api checks the token once more. The nine
 * actions are three declarations of one create / update / delete shape.
 */

/** One kind of catalogue item, as the admin forms and the api see it. */
interface CatalogueKind<P> {
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
function createAction<P, S extends z.ZodType>(
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
function updateAction<P>(kind: CatalogueKind<P>, success: string): FormAction {
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
function deleteAction<P>(kind: CatalogueKind<P>): FormAction {
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

/** An empty number field stays missing (the schema says "must be a number"), never 0. */
const numberOrMissing = (raw = '') => (raw.trim() === '' ? undefined : Number(raw));

/** An empty optional field means "none". */
const idOrNull = (raw = '') => (raw.trim() === '' ? null : raw.trim());

/**
 * `datetime-local` gives "2027-05-01T20:00" with no zone; the field is labelled UTC, so it is read as
 * UTC whatever the browser's zone. A value that already carries a zone is passed on as typed.
 */
function toUtcIso(raw = ''): string | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return `${value}:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value)) return `${value}Z`;
  return value;
}

const shows: CatalogueKind<z.output<typeof showPayload>> = {
  collection: 'shows',
  idField: 'showId',
  fields: ['title', 'performer', 'venue', 'startsAt', 'capacity', 'albumId'],
  parse: (values) =>
    showPayload.safeParse({
      title: values.title,
      performer: values.performer,
      venue: values.venue,
      startsAt: toUtcIso(values.startsAt),
      capacity: numberOrMissing(values.capacity),
      albumId: idOrNull(values.albumId),
    }),
  revalidate(id) {
    revalidatePath('/admin/shows');
    revalidatePath('/shows');
    revalidatePath('/');
    if (id) {
      revalidatePath(`/admin/shows/${id}`);
      revalidatePath(`/shows/${id}`);
    }
  },
};

const albums: CatalogueKind<z.output<typeof albumPayload>> = {
  collection: 'albums',
  idField: 'albumId',
  fields: ['name', 'year'],
  parse: (values) => albumPayload.safeParse({ name: values.name, year: numberOrMissing(values.year) }),
  /** An album's name and year show on its page, the album lists and the pages of its songs. */
  revalidate(id) {
    revalidatePath('/admin/albums');
    revalidatePath('/albums');
    if (id) {
      revalidatePath(`/admin/albums/${id}`);
      revalidatePath(`/albums/${id}`);
      revalidatePath('/songs/[id]', 'page');
    }
  },
};

const songs: CatalogueKind<z.output<typeof songPayload>> = {
  collection: 'songs',
  idField: 'songId',
  fields: ['title', 'year', 'genre', 'performer', 'duration', 'albumId'],
  parse: (values) =>
    songPayload.safeParse({
      title: values.title,
      year: numberOrMissing(values.year),
      genre: values.genre,
      performer: values.performer,
      duration: (values.duration ?? '').trim() === '' ? null : Number(values.duration),
      albumId: idOrNull(values.albumId),
    }),
  /**
   * A song shows on its page, the song lists and its album's page. An edit may move it from one album
   * to another, and the old album is not known here, so every album page is revalidated then.
   */
  revalidate(id, song) {
    revalidatePath('/admin/songs');
    revalidatePath('/songs');
    if (id) {
      revalidatePath(`/admin/songs/${id}`);
      revalidatePath(`/songs/${id}`);
      revalidatePath('/albums/[id]', 'page');
    } else if (song?.albumId) {
      revalidatePath(`/albums/${song.albumId}`);
    }
  },
};

export const createShow = createAction(shows, createShowResponse.shape.data, ({ showId }) =>
  redirect(`/admin/shows/${encodeURIComponent(showId)}?created=1`),
);
export const updateShow = updateAction(shows, 'Show updated.');
export const deleteShow = deleteAction(shows);

export const createAlbum = createAction(albums, createAlbumResponse.shape.data, ({ albumId }, album) => ({
  success: `Album “${album.name}” added (id ${albumId}).`,
}));
export const updateAlbum = updateAction(albums, 'Album updated.');
export const deleteAlbum = deleteAction(albums);

export const createSong = createAction(songs, createSongResponse.shape.data, ({ songId }, song) => ({
  success: `Song “${song.title}” added (id ${songId}).`,
}));
export const updateSong = updateAction(songs, 'Song updated.');
export const deleteSong = deleteAction(songs);
