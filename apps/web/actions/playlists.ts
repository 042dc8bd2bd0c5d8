'use server';

import { collaborationPayload, createCollaborationResponse } from '@musicapp/types/collaborations';
import { createPlaylistResponse, playlistPayload, playlistSongPayload } from '@musicapp/types/playlists';
import { lookupUsersResponse, userLookupQuery } from '@musicapp/types/users';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { noData } from '@/lib/api-client';
import { fieldErrorsOf, textField } from '@/lib/form-state';
import { guardedAction } from '@/lib/guarded-action';
import type { Guard } from '@/lib/session-guard';

const playlistPath = (playlistId: string) => `/playlists/${encodeURIComponent(playlistId)}`;

/** Actions on one playlist come back to its page after a login. */
const onPlaylist = (formData: FormData): Guard => ({
  returnTo: playlistPath(textField(formData, 'playlistId')),
});

/** Creates a playlist and opens it, ready for songs. */
export const createPlaylist = guardedAction(
  { returnTo: '/playlists' },
  async ({ formData, call, refuse }) => {
    const parsed = playlistPayload.safeParse({ name: textField(formData, 'name') });
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
    const result = await call('/playlists', createPlaylistResponse.shape.data, {
      method: 'POST',
      body: parsed.data,
    });
    if (!result.ok) return refuse(result);
    revalidatePath('/playlists');
    redirect(playlistPath(result.data.playlistId));
  },
);

/** Owner only (the api answers 403 to anyone else); goes back to the list afterwards. */
export const deletePlaylist = guardedAction(onPlaylist, async ({ formData, call, refuse }) => {
  const result = await call(playlistPath(textField(formData, 'playlistId')), noData, { method: 'DELETE' });
  if (!result.ok && result.status !== 404) return refuse(result);
  revalidatePath('/playlists');
  redirect('/playlists');
});

export const addSongToPlaylist = guardedAction(onPlaylist, async ({ formData, call, refuse }) => {
  const playlistId = textField(formData, 'playlistId');
  const title = textField(formData, 'songTitle') || 'This song';
  const parsed = playlistSongPayload.safeParse({ songId: textField(formData, 'songId') });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? 'Pick a song to add.' };
  const result = await call(`${playlistPath(playlistId)}/songs`, noData, {
    method: 'POST',
    body: parsed.data,
  });
  if (!result.ok && result.status === 409) return { message: `“${title}” is already in this playlist.` };
  if (!result.ok) return refuse(result);
  revalidatePath(playlistPath(playlistId));
  return { success: `Added “${title}”.` };
});

export const removeSongFromPlaylist = guardedAction(onPlaylist, async ({ formData, call, refuse }) => {
  const playlistId = textField(formData, 'playlistId');
  const title = textField(formData, 'songTitle') || 'The song';
  const parsed = playlistSongPayload.safeParse({ songId: textField(formData, 'songId') });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? 'Pick a song to remove.' };
  const result = await call(`${playlistPath(playlistId)}/songs`, noData, {
    method: 'DELETE',
    body: parsed.data,
  });
  if (!result.ok) return refuse(result);
  revalidatePath(playlistPath(playlistId));
  return { success: `Removed “${title}”.` };
});

/**
 * Adds or removes a collaborator by username, depending on which button was pressed (`intent`): the
 * username is looked up first and the collaboration is changed by the user's id. Owner only: the api
 * answers 403 to anyone else, and that message is shown.
 */
export const changeCollaborator = guardedAction(onPlaylist, async ({ formData, call, refuse }) => {
  const playlistId = textField(formData, 'playlistId');
  const intent = textField(formData, 'intent') === 'remove' ? 'remove' : 'add';
  const values = { username: textField(formData, 'username') };
  const lookup = userLookupQuery.safeParse(values);
  if (!lookup.success) return { fieldErrors: fieldErrorsOf(lookup.error), values };
  const { username } = lookup.data;
  const found = await call(`/users?${new URLSearchParams({ username })}`, lookupUsersResponse.shape.data);
  if (!found.ok) return refuse(found, values);
  // One user at most (usernames are unique); an exact match wins should the database fold case.
  const user = found.data.users.find((candidate) => candidate.username === username) ?? found.data.users[0];
  if (!user) return { fieldErrors: { username: `No user named ${username}` }, values };

  const parsed = collaborationPayload.safeParse({ playlistId, userId: user.id });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? 'Invalid playlist.', values };
  const result = await call(
    '/collaborations',
    intent === 'add' ? createCollaborationResponse.shape.data : noData,
    {
      method: intent === 'add' ? 'POST' : 'DELETE',
      body: parsed.data,
    },
  );
  if (!result.ok) {
    // The api names the user by id; the owner typed a username.
    const refused = refuse(result, values);
    return { ...refused, message: refused.message?.replaceAll(user.id, user.username) };
  }
  revalidatePath(playlistPath(playlistId));
  revalidatePath('/playlists');
  return {
    success:
      intent === 'add'
        ? `${user.fullname} (${user.username}) can now add and remove songs here.`
        : `${user.fullname} (${user.username}) is no longer a collaborator.`,
  };
});
