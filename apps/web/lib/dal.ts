import 'server-only';
import { getAlbumResponse, listAlbumsResponse } from '@musicapp/types/albums';
import {
  activitiesResponse,
  getPlaylistSongsResponse,
  listPlaylistsResponse,
} from '@musicapp/types/playlists';
import { listReservationsResponse } from '@musicapp/types/reservations';
import { getShowResponse, listShowsResponse } from '@musicapp/types/shows';
import { getSongResponse, listSongsResponse } from '@musicapp/types/songs';
import { cache } from 'react';
import { callApi } from './api-client';
import { readSession, type Session } from './session';
import { requireLogin } from './session-guard';

/** The data-access layer: every page reads through here; each read re-checks the session it needs. */

export const getSession = cache(readSession);

/** The session, or a redirect to the login page that comes back to `returnTo` afterwards. */
export async function requireSession(returnTo: string): Promise<Session> {
  return requireLogin(await getSession(), returnTo);
}

export async function getUpcomingShows(cursor?: string) {
  const query = new URLSearchParams({ limit: '24', ...(cursor ? { cursor } : {}) });
  return callApi(`/shows?${query}`, listShowsResponse.shape.data);
}

export async function getShow(id: string) {
  return callApi(`/shows/${encodeURIComponent(id)}`, getShowResponse.shape.data);
}

export async function getMyReservations(session: Session, cursor?: string) {
  const query = new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) });
  return callApi(`/reservations?${query}`, listReservationsResponse.shape.data, {
    accessToken: session.accessToken,
  });
}

export async function getAlbums(cursor?: string) {
  const query = new URLSearchParams({ limit: '24', ...(cursor ? { cursor } : {}) });
  return callApi(`/albums?${query}`, listAlbumsResponse.shape.data);
}

/** Cached per request: generateMetadata and the page share one call. */
export const getAlbum = cache(async (id: string) =>
  callApi(`/albums/${encodeURIComponent(id)}`, getAlbumResponse.shape.data),
);

export interface SongSearch {
  title?: string | undefined;
  performer?: string | undefined;
  cursor?: string | undefined;
}

/** Case-insensitive substring search; empty terms are left out, so no terms lists every song. */
export async function searchSongs({ title, performer, cursor }: SongSearch) {
  const query = new URLSearchParams({ limit: '25' });
  if (title) query.set('title', title);
  if (performer) query.set('performer', performer);
  if (cursor) query.set('cursor', cursor);
  return callApi(`/songs?${query}`, listSongsResponse.shape.data);
}

/** Cached per request: generateMetadata and the page share one call. */
export const getSong = cache(async (id: string) =>
  callApi(`/songs/${encodeURIComponent(id)}`, getSongResponse.shape.data),
);

/** The playlists the user owns or collaborates on, each with its owner's username. */
export async function getMyPlaylists(session: Session, cursor?: string) {
  const query = new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) });
  return callApi(`/playlists?${query}`, listPlaylistsResponse.shape.data, {
    accessToken: session.accessToken,
  });
}

/** A playlist with its songs (404 unknown, 403 neither owner nor collaborator). Cached per request. */
export const getPlaylist = cache(async (session: Session, id: string) =>
  callApi(`/playlists/${encodeURIComponent(id)}/songs`, getPlaylistSongsResponse.shape.data, {
    accessToken: session.accessToken,
  }),
);

/** Who added or removed which song, oldest first. */
export async function getPlaylistActivities(session: Session, id: string) {
  return callApi(`/playlists/${encodeURIComponent(id)}/activities`, activitiesResponse.shape.data, {
    accessToken: session.accessToken,
  });
}
