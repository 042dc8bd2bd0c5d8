import {
  albumPayload,
  createAlbumResponse,
  getAlbumResponse,
  listAlbumsResponse,
} from '@musicapp/types/albums';
import { freshReadHeaders, pageQuery } from '@musicapp/types/common';
import { wantsFreshRead } from '../../http/cache-control.js';
import type { Access } from '../../routes/access.js';
import { type RouteDeclaration, route } from '../../routes/route.js';
import type { AlbumsService } from './albums.service.js';

/** Reads are public; writes are `writeAccess` (admin, or public with CATALOG_WRITES=public). */
export function albumsRoutes(
  albums: AlbumsService,
  writeAccess: Extract<Access, 'admin' | 'public'>,
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
      handler: async ({ body }) => ({ message: 'Album added', data: { albumId: await albums.create(body) } }),
    }),
    route({
      method: 'get',
      path: '/albums',
      access: 'public',
      summary: 'List albums by name (paged)',
      query: pageQuery,
      response: listAlbumsResponse,
      handler: async ({ query }) => ({ data: await albums.list(query) }),
    }),
    route({
      method: 'get',
      path: '/albums/:id',
      access: 'public',
      summary: 'An album with its songs',
      headers: freshReadHeaders,
      response: getAlbumResponse,
      errors: [404],
      handler: async ({ params, headers, principal }) => ({
        data: await albums.page(params.id, { fresh: wantsFreshRead(headers['Cache-Control'], principal) }),
      }),
    }),
    route({
      method: 'put',
      path: '/albums/:id',
      access: writeAccess,
      summary: 'Edit an album',
      body: albumPayload,
      errors: [404],
      handler: async ({ params, body }) => {
        await albums.update(params.id, body);
        return { message: 'Album updated' };
      },
    }),
    route({
      method: 'delete',
      path: '/albums/:id',
      access: writeAccess,
      summary: 'Delete an album; its songs stay, without album',
      errors: [404],
      handler: async ({ params }) => {
        await albums.remove(params.id);
        return { message: 'Album deleted' };
      },
    }),
  ];
}
