import {
  albumPayload,
  createAlbumResponse,
  getAlbumResponse,
  listAlbumsResponse,
} from '@musicapp/types/albums';
import { freshReadHeaders, pageQuery } from '@musicapp/types/common';
import type { Request } from 'express';
import { sendCachedData } from '../../http/cached-json.js';
import { pathId } from '../../http/validate.js';
import type { Access } from '../../routes/access.js';
import { type RouteDeclaration, route } from '../../routes/route.js';
import type { AlbumsService } from './albums.service.js';

/** Reads are public; writes are `writeAccess` (admin, or public with CATALOG_WRITES=public). */
export function albumsRoutes(
  albums: AlbumsService,
  writeAccess: Extract<Access, 'admin' | 'public'>,
  wantsFresh: (req: Request) => boolean,
): RouteDeclaration[] {
  return [
    route({
      method: 'post',
      path: '/albums',
      access: writeAccess,
      summary: 'Add an album',
      body: albumPayload,
      status: 201,
      response: createAlbumResponse,
      handler: async ({ body }, _req, res) => {
        const albumId = await albums.create(body);
        res.json({ status: 'success', message: 'Album added', data: { albumId } });
      },
    }),
    route({
      method: 'get',
      path: '/albums',
      access: 'public',
      summary: 'List albums by name (paged)',
      query: pageQuery,
      response: listAlbumsResponse,
      handler: async ({ query }, _req, res) => {
        const data = await albums.list(query);
        res.json({ status: 'success', data });
      },
    }),
    route({
      method: 'get',
      path: '/albums/:id',
      access: 'public',
      summary: 'An album with its songs',
      headers: freshReadHeaders,
      response: getAlbumResponse,
      errors: [404],
      handler: async (_input, req, res) => {
        const album = await albums.get(pathId(req), { fresh: wantsFresh(req) });
        sendCachedData(res, album, 'album');
      },
    }),
    route({
      method: 'put',
      path: '/albums/:id',
      access: writeAccess,
      summary: 'Edit an album',
      body: albumPayload,
      errors: [404],
      handler: async ({ body }, req, res) => {
        await albums.update(pathId(req), body);
        res.json({ status: 'success', message: 'Album updated' });
      },
    }),
    route({
      method: 'delete',
      path: '/albums/:id',
      access: writeAccess,
      summary: 'Delete an album; its songs stay, without album',
      errors: [404],
      handler: async (_input, req, res) => {
        await albums.remove(pathId(req));
        res.json({ status: 'success', message: 'Album deleted' });
      },
    }),
  ];
}
