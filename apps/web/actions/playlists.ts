'use server';

import { collaborationPayload, createCollaborationResponse } from '@musicapp/types/collaborations';
import { createPlaylistResponse, playlistPayload, playlistSongPayload } from '@musicapp/types/playlists';
import { lookupUsersResponse, userLookupQuery } from '@musicapp/types/users';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { type ApiResult, callApi } from '../lib/api-client';
import { type FormState, fieldErrorsOf } from '../lib/form-state';
import { readSession, type Session } from '../lib/session';

/** Answers that carry only a message (deletes, adding a song): their `data` is not read. */
const noData = z.unknown();

const playlistPath = (playlistId: string) => `/playlists/${encodeURIComponent(playlistId)}`;

/** Every action checks the session itself; without one it goes to login and comes back to `returnTo`. */
async function sessionFor(returnTo: string): Promise<Session> {
  const session = await readSession();
  if (!session) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return session;
}

/** An api failure as form state; a session the api no longer accepts goes to login. */
function failure(result: Extract<ApiResult<unknown>, { ok: false }>, returnTo: string): FormState {
  if (result.status === 401) redirect(`/login?next=${encodeURIComponent(returnTo)}&reason=expired`);
  return { message: result.message };
}

function field(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** Creates a playlist and opens it, ready for songs. */
export async function createPlaylist(_state: FormState, formData: FormData): Promise<FormState> {
  const session = await sessionFor('/playlists');
  const parsed = playlistPayload.safeParse({ name: field(formData, 'name') });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await callApi('/playlists', createPlaylistResponse.shape.data, {
    method: 'POST',
    body: parsed.data,
    accessToken: session.accessToken,
  });
  if (!result.ok) return failure(result, '/playlists');
  revalidatePath('/playlists');
  redirect(playlistPath(result.data.playlistId));
}

/** Owner only (the api answers 403 to anyone else); goes back to the list afterwards. */
export async function deletePlaylist(_state: FormState, formData: FormData): Promise<FormState> {
  const playlistId = field(formData, 'playlistId');
  const session = await sessionFor(playlistPath(playlistId));
  const result = await callApi(playlistPath(playlistId), noData, {
    method: 'DELETE',
    accessToken: session.accessToken,
  });
  if (!result.ok && result.status !== 404) return failure(result, playlistPath(playlistId));
  revalidatePath('/playlists');
  redirect('/playlists');
}

export async function addSongToPlaylist(_state: FormState, formData: FormData): Promise<FormState> {
  const playlistId = field(formData, 'playlistId');
  const title = field(formData, 'songTitle') || 'This song';
  const session = await sessionFor(playlistPath(playlistId));
  const parsed = playlistSongPayload.safeParse({ songId: field(formData, 'songId') });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? 'Pick a song to add.' };
  const result = await callApi(`${playlistPath(playlistId)}/songs`, noData, {
    method: 'POST',
    body: parsed.data,
    accessToken: session.accessToken,
  });
  if (!result.ok && result.status === 409) return { message: `“${title}” is already in this playlist.` };
  if (!result.ok) return failure(result, playlistPath(playlistId));
  revalidatePath(playlistPath(playlistId));
  return { success: `Added “${title}”.` };
}

export async function removeSongFromPlaylist(_state: FormState, formData: FormData): Promise<FormState> {
  const playlistId = field(formData, 'playlistId');
  const title = field(formData, 'songTitle') || 'The song';
  const session = await sessionFor(playlistPath(playlistId));
  const parsed = playlistSongPayload.safeParse({ songId: field(formData, 'songId') });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? 'Pick a song to remove.' };
  const result = await callApi(`${playlistPath(playlistId)}/songs`, noData, {
    method: 'DELETE',
    body: parsed.data,
    accessToken: session.accessToken,
  });
  if (!result.ok) return failure(result, playlistPath(playlistId));
  revalidatePath(playlistPath(playlistId));
  return { success: `Removed “${title}”.` };
}

/**
 * Adds or removes a collaborator by username, depending on which button was pressed (`intent`): the
 * username is looked up first and the collaboration is changed by the user's id. Owner only: the api
 * answers 403 to anyone else, and that message is shown.
 */
export async function changeCollaborator(_state: FormState, formData: FormData): Promise<FormState> {
  const playlistId = field(formData, 'playlistId');
  const intent = field(formData, 'intent') === 'remove' ? 'remove' : 'add';
  const returnTo = playlistPath(playlistId);
  const session = await sessionFor(returnTo);
  const values = { username: field(formData, 'username') };
  const lookup = userLookupQuery.safeParse(values);
  if (!lookup.success) return { fieldErrors: fieldErrorsOf(lookup.error), values };
  const { username } = lookup.data;
  const found = await callApi(`/users?${new URLSearchParams({ username })}`, lookupUsersResponse.shape.data, {
    accessToken: session.accessToken,
  });
  if (!found.ok) return { ...failure(found, returnTo), values };
  // One user at most (usernames are unique); an exact match wins should the database fold case.
  const user = found.data.users.find((candidate) => candidate.username === username) ?? found.data.users[0];
  if (!user) return { fieldErrors: { username: `No user named ${username}` }, values };

  const parsed = collaborationPayload.safeParse({ playlistId, userId: user.id });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? 'Invalid playlist.', values };
  const result = await callApi(
    '/collaborations',
    intent === 'add' ? createCollaborationResponse.shape.data : noData,
    { method: intent === 'add' ? 'POST' : 'DELETE', body: parsed.data, accessToken: session.accessToken },
  );
  if (!result.ok) {
    // The api names the user by id; the owner typed a username.
    const refusal = failure(result, returnTo);
    return { message: refusal.message?.replaceAll(user.id, user.username), values };
  }
  revalidatePath(returnTo);
  revalidatePath('/playlists');
  return {
    success:
      intent === 'add'
        ? `${user.fullname} (${user.username}) can now add and remove songs here.`
        : `${user.fullname} (${user.username}) is no longer a collaborator.`,
  };
}
