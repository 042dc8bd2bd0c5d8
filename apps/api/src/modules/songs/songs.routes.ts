import { freshReadHeaders } from '@musicapp/types/common';
import {
  createSongResponse,
  getSongResponse,
  listSongsResponse,
  songPayload,
  songSearchQuery,
} from '@musicapp/types/songs';
import { wantsFreshRead } from '../../http/cache-control.js';
import type { Access } from '../../routes/access.js';
import { type RouteDeclaration, route } from '../../routes/route.js';
import type { SongsService } from './songs.service.js';

/** Reads are public; writes are `writeAccess` (admin, or public with CATALOG_WRITES=public). */
export function songsRoutes(
  songs: SongsService,
  writeAccess: Extract<Access, 'admin' | 'public'>,
): RouteDeclaration[] {
  return [
    route({
      method: 'post',
      path: '/songs',
      access: writeAccess,
      summary: 'Add a song; 404 for an unknown album',
      body: songPayload,
      status: 201,
      response: createSongResponse,
      errors: [404],
      handler: async ({ body }) => ({ message: 'Song added', data: { songId: await songs.create(body) } }),
    }),
    route({
      method: 'get',
      path: '/songs',
      access: 'public',
      summary: 'Search songs by title and/or performer (case-insensitive substrings, paged)',
      headers: freshReadHeaders,
      query: songSearchQuery,
      response: listSongsResponse,
      handler: async ({ query, headers, principal }) => ({
        data: await songs.search(query, { fresh: wantsFreshRead(headers['Cache-Control'], principal) }),
      }),
    }),
    route({
      method: 'get',
      path: '/songs/:id',
      access: 'public',
      summary: 'A song with all its fields',
      response: getSongResponse,
      errors: [404],
      handler: async ({ params }) => ({ data: { song: await songs.get(params.id) } }),
    }),
    route({
      method: 'put',
      path: '/songs/:id',
      access: writeAccess,
      summary: 'Edit a song',
      body: songPayload,
      errors: [404],
      handler: async ({ params, body }) => {
        await songs.update(params.id, body);
        return { message: 'Song updated' };
      },
    }),
    route({
      method: 'delete',
      path: '/songs/:id',
      access: writeAccess,
      summary: 'Delete a song',
      errors: [404],
      handler: async ({ params }) => {
        await songs.remove(params.id);
        return { message: 'Song deleted' };
      },
    }),
  ];
}
