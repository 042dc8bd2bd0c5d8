import 'server-only';
import { getAlbumResponse, listAlbumsResponse } from '@musicapp/types/albums';
import { MAX_PAGE_SIZE } from '@musicapp/types/common';
import { listSongsResponse } from '@musicapp/types/songs';
import { cache } from 'react';
import type { z } from 'zod';
import { callApi } from './api-client';
import { getSession } from './dal';
import { readSession, type Session } from './session';
import { admit } from './session-guard';

/**
 * Admin reads. The admin area is public data plus admin-only writes, so the check here decides what
 * to render; the api checks the token again on every write, and so does each action in actions/admin.ts.
 * Catalogue reads here are `fresh`: an api replica may answer the public pages from its short cache, but
 * an editor must see what was just saved, whichever replica answers.
 */

/**
 * The admin's session; a logged-out visitor is sent to log in (and back to `returnTo`), a logged-in
 * non-admin gets null so the page can say "Admins only". Cached per request: layout and page share it.
 */
export const getAdminSession = cache(async (returnTo: string): Promise<Session | null> => {
  return admit(await getSession(), { returnTo, role: 'admin' });
});

/** A catalogue read checked with the database: the api honours that for admins only, so it carries the token. */
async function freshRead<S extends z.ZodType>(path: string, dataSchema: S) {
  const session = await readSession();
  return callApi(path, dataSchema, { fresh: true, accessToken: session?.accessToken });
}

/** Albums for the album-id pickers of the show and song forms (one page of the largest size). */
export async function getAlbumChoices() {
  return callApi(`/albums?limit=${MAX_PAGE_SIZE}`, listAlbumsResponse.shape.data);
}

/** The catalogue's songs, a page at a time, for the admin list. */
export async function getCatalogueSongs(cursor?: string) {
  const query = new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) });
  return freshRead(`/songs?${query}`, listSongsResponse.shape.data);
}

/** One album with its songs, for its edit page. Cached per request: metadata and page share one call. */
export const getAlbumForEditing = cache(async (id: string) =>
  freshRead(`/albums/${encodeURIComponent(id)}`, getAlbumResponse.shape.data),
);
