import { freshReadHeaders } from '@musicapp/types/common';
import {
  createSongResponse,
  getSongResponse,
  listSongsResponse,
  songPayload,
  songSearchQuery,
} from '@musicapp/types/songs';
import type { Request } from 'express';
import { sendCachedData } from '../../http/cached-json.js';
import { pathId } from '../../http/validate.js';
import type { Access } from '../../routes/access.js';
import { type RouteDeclaration, route } from '../../routes/route.js';
import type { SongsService } from './songs.service.js';

/** Reads are public; writes are `writeAccess` (admin, or public with CATALOG_WRITES=public). */
export function songsRoutes(
  songs: SongsService,
  writeAccess: Extract<Access, 'admin' | 'public'>,
  wantsFresh: (req: Request) => boolean,
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
      handler: async ({ body }, _req, res) => {
        const songId = await songs.create(body);
        res.json({ status: 'success', message: 'Song added', data: { songId } });
      },
    }),
    route({
      method: 'get',
      path: '/songs',
      access: 'public',
      summary: 'Search songs by title and/or performer (case-insensitive substrings, paged)',
      headers: freshReadHeaders,
      query: songSearchQuery,
      response: listSongsResponse,
      handler: async ({ query }, req, res) => {
        sendCachedData(res, await songs.search(query, { fresh: wantsFresh(req) }));
      },
    }),
    route({
      method: 'get',
      path: '/songs/:id',
      access: 'public',
      summary: 'A song with all its fields',
      response: getSongResponse,
      errors: [404],
      handler: async (_input, req, res) => {
        const song = await songs.get(pathId(req));
        res.json({ status: 'success', data: { song } });
      },
    }),
    route({
      method: 'put',
      path: '/songs/:id',
      access: writeAccess,
      summary: 'Edit a song',
      body: songPayload,
      errors: [404],
      handler: async ({ body }, req, res) => {
        await songs.update(pathId(req), body);
        res.json({ status: 'success', message: 'Song updated' });
      },
    }),
    route({
      method: 'delete',
      path: '/songs/:id',
      access: writeAccess,
      summary: 'Delete a song',
      errors: [404],
      handler: async (_input, req, res) => {
        await songs.remove(pathId(req));
        res.json({ status: 'success', message: 'Song deleted' });
      },
    }),
  ];
}
