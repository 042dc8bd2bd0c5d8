'use server';

import { albumPayload, createAlbumResponse } from '@musicapp/types/albums';
import { createShowResponse, showPayload } from '@musicapp/types/shows';
import { createSongResponse, songPayload } from '@musicapp/types/songs';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { type ApiResult, callApi } from '../lib/api-client';
import { type FormState, fieldErrorsOf } from '../lib/form-state';
import { readSession, type Session } from '../lib/session';

/**
 * Catalogue and show writes for admins. Each action checks the session and the role itself (the
 * layout's check only decides what is drawn) and the api checks the token once more.
 */

/** The admin forms' state: a rejected form gets `values` back, so it keeps what was typed. */
export type AdminFormState = FormState;

const ONLY_ADMINS: AdminFormState = { message: 'Only admins can do that' };

/** PUT and DELETE answer without `data`. */
const noData = z.unknown();

async function adminSession(returnTo: string): Promise<Session | null> {
  const session = await readSession();
  if (!session) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return session.role === 'admin' ? session : null;
}

/** The api's refusal as a form message; an expired session goes back to the login page. */
function failure(
  result: Extract<ApiResult<unknown>, { ok: false }>,
  returnTo: string,
  values?: Record<string, string>,
): AdminFormState {
  if (result.status === 401) redirect(`/login?next=${encodeURIComponent(returnTo)}&reason=expired`);
  if (result.status === 403) return { ...ONLY_ADMINS, ...(values ? { values } : {}) };
  return { message: result.message, ...(values ? { values } : {}) };
}

/** Every text field of the form as typed, for handing back after a rejection. */
function valuesOf(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? '')]));
}

/** An empty number field stays missing (the schema says "must be a number"), never 0. */
const numberOrMissing = (raw: string) => (raw.trim() === '' ? undefined : Number(raw));

/** An empty optional id means "none". */
const idOrNull = (raw: string) => (raw.trim() === '' ? null : raw.trim());

/**
 * `datetime-local` gives "2027-05-01T20:00" with no zone; the field is labelled UTC, so it is read as
 * UTC whatever the browser's zone. A value that already carries a zone is passed on as typed.
 */
function toUtcIso(raw: string): string | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return `${value}:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value)) return `${value}Z`;
  return value;
}

const SHOW_FIELDS = ['title', 'performer', 'venue', 'startsAt', 'capacity', 'albumId'] as const;
const ALBUM_FIELDS = ['name', 'year'] as const;
const SONG_FIELDS = ['title', 'year', 'genre', 'performer', 'duration', 'albumId'] as const;

function parseShow(formData: FormData) {
  const values = valuesOf(formData, SHOW_FIELDS);
  const parsed = showPayload.safeParse({
    title: values.title,
    performer: values.performer,
    venue: values.venue,
    startsAt: toUtcIso(values.startsAt ?? ''),
    capacity: numberOrMissing(values.capacity ?? ''),
    albumId: idOrNull(values.albumId ?? ''),
  });
  return { values, parsed };
}

function revalidateShow(id?: string) {
  revalidatePath('/admin/shows');
  revalidatePath('/shows');
  revalidatePath('/');
  if (id) {
    revalidatePath(`/admin/shows/${id}`);
    revalidatePath(`/shows/${id}`);
  }
}

export async function createShow(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const session = await adminSession('/admin/shows');
  if (!session) return ONLY_ADMINS;
  const { values, parsed } = parseShow(formData);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await callApi('/shows', createShowResponse.shape.data, {
    method: 'POST',
    body: parsed.data,
    accessToken: session.accessToken,
  });
  if (!result.ok) return failure(result, '/admin/shows', values);
  revalidateShow();
  redirect(`/admin/shows/${encodeURIComponent(result.data.showId)}?created=1`);
}

export async function updateShow(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const id = String(formData.get('showId') ?? '');
  const returnTo = `/admin/shows/${id}`;
  const session = await adminSession(returnTo);
  if (!session) return ONLY_ADMINS;
  const { values, parsed } = parseShow(formData);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await callApi(`/shows/${encodeURIComponent(id)}`, noData, {
    method: 'PUT',
    body: parsed.data,
    accessToken: session.accessToken,
  });
  if (!result.ok) return failure(result, returnTo, values);
  revalidateShow(id);
  return { success: 'Show updated.' };
}

export async function deleteShow(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const id = String(formData.get('showId') ?? '');
  const session = await adminSession(`/admin/shows/${id}`);
  if (!session) return ONLY_ADMINS;
  const result = await callApi(`/shows/${encodeURIComponent(id)}`, noData, {
    method: 'DELETE',
    accessToken: session.accessToken,
  });
  if (!result.ok) return failure(result, `/admin/shows/${id}`);
  revalidateShow(id);
  redirect('/admin/shows?deleted=1');
}

function parseAlbum(formData: FormData) {
  const values = valuesOf(formData, ALBUM_FIELDS);
  const parsed = albumPayload.safeParse({ name: values.name, year: numberOrMissing(values.year ?? '') });
  return { values, parsed };
}

/** An album's name and year show on its page, the album lists and the pages of its songs. */
function revalidateAlbum(id?: string) {
  revalidatePath('/admin/albums');
  revalidatePath('/albums');
  if (id) {
    revalidatePath(`/admin/albums/${id}`);
    revalidatePath(`/albums/${id}`);
    revalidatePath('/songs/[id]', 'page');
  }
}

export async function createAlbum(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const session = await adminSession('/admin/albums');
  if (!session) return ONLY_ADMINS;
  const { values, parsed } = parseAlbum(formData);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await callApi('/albums', createAlbumResponse.shape.data, {
    method: 'POST',
    body: parsed.data,
    accessToken: session.accessToken,
  });
  if (!result.ok) return failure(result, '/admin/albums', values);
  revalidateAlbum();
  return { success: `Album “${parsed.data.name}” added (id ${result.data.albumId}).` };
}

export async function updateAlbum(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const id = String(formData.get('albumId') ?? '');
  const returnTo = `/admin/albums/${id}`;
  const session = await adminSession(returnTo);
  if (!session) return ONLY_ADMINS;
  const { values, parsed } = parseAlbum(formData);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await callApi(`/albums/${encodeURIComponent(id)}`, noData, {
    method: 'PUT',
    body: parsed.data,
    accessToken: session.accessToken,
  });
  if (!result.ok) return failure(result, returnTo, values);
  revalidateAlbum(id);
  return { success: 'Album updated.' };
}

export async function deleteAlbum(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const id = String(formData.get('albumId') ?? '');
  const session = await adminSession('/admin/albums');
  if (!session) return ONLY_ADMINS;
  const result = await callApi(`/albums/${encodeURIComponent(id)}`, noData, {
    method: 'DELETE',
    accessToken: session.accessToken,
  });
  if (!result.ok) return failure(result, '/admin/albums');
  revalidateAlbum(id);
  redirect('/admin/albums?deleted=1');
}

function parseSong(formData: FormData) {
  const values = valuesOf(formData, SONG_FIELDS);
  const parsed = songPayload.safeParse({
    title: values.title,
    year: numberOrMissing(values.year ?? ''),
    genre: values.genre,
    performer: values.performer,
    duration: (values.duration ?? '').trim() === '' ? null : Number(values.duration),
    albumId: idOrNull(values.albumId ?? ''),
  });
  return { values, parsed };
}

/**
 * A song shows on its page, the song lists and its album's page. An edit may move it from one album to
 * another, and the old album is not known here, so every album page is revalidated then.
 */
function revalidateSong(id?: string, albumId?: string | null) {
  revalidatePath('/admin/songs');
  revalidatePath('/songs');
  if (id) {
    revalidatePath(`/admin/songs/${id}`);
    revalidatePath(`/songs/${id}`);
    revalidatePath('/albums/[id]', 'page');
  } else if (albumId) {
    revalidatePath(`/albums/${albumId}`);
  }
}

export async function createSong(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const session = await adminSession('/admin/songs');
  if (!session) return ONLY_ADMINS;
  const { values, parsed } = parseSong(formData);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await callApi('/songs', createSongResponse.shape.data, {
    method: 'POST',
    body: parsed.data,
    accessToken: session.accessToken,
  });
  if (!result.ok) return failure(result, '/admin/songs', values);
  revalidateSong(undefined, parsed.data.albumId);
  return { success: `Song “${parsed.data.title}” added (id ${result.data.songId}).` };
}

export async function updateSong(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const id = String(formData.get('songId') ?? '');
  const returnTo = `/admin/songs/${id}`;
  const session = await adminSession(returnTo);
  if (!session) return ONLY_ADMINS;
  const { values, parsed } = parseSong(formData);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await callApi(`/songs/${encodeURIComponent(id)}`, noData, {
    method: 'PUT',
    body: parsed.data,
    accessToken: session.accessToken,
  });
  if (!result.ok) return failure(result, returnTo, values);
  revalidateSong(id);
  return { success: 'Song updated.' };
}

export async function deleteSong(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const id = String(formData.get('songId') ?? '');
  const session = await adminSession('/admin/songs');
  if (!session) return ONLY_ADMINS;
  const result = await callApi(`/songs/${encodeURIComponent(id)}`, noData, {
    method: 'DELETE',
    accessToken: session.accessToken,
  });
  if (!result.ok) return failure(result, '/admin/songs');
  revalidateSong(id);
  redirect('/admin/songs?deleted=1');
}
