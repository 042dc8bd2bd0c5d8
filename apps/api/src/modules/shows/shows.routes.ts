import {
  createShowResponse,
  getShowResponse,
  listShowsResponse,
  showListQuery,
  showPayload,
} from '@musicapp/types/shows';
import { type RouteDeclaration, route } from '../../routes/route.js';
import type { ShowsService } from './shows.service.js';

/** Public listing and detail; writes are for admins only (CATALOG_WRITES does not open them). */
export function showsRoutes(shows: ShowsService): RouteDeclaration[] {
  return [
    route({
      method: 'get',
      path: '/shows',
      access: 'public',
      summary: 'Upcoming shows, soonest first (paged, ?from=)',
      query: showListQuery,
      response: listShowsResponse,
      handler: async ({ query }) => ({ data: await shows.list(query) }),
    }),
    route({
      method: 'get',
      path: '/shows/:id',
      access: 'public',
      summary: 'A show with its seats left',
      response: getShowResponse,
      errors: [404],
      handler: async ({ params }) => ({ data: { show: await shows.get(params.id) } }),
    }),
    route({
      method: 'post',
      path: '/shows',
      access: 'admin',
      summary: 'Add a show; 404 for an unknown album',
      body: showPayload,
      status: 201,
      response: createShowResponse,
      errors: [404],
      handler: async ({ body }) => ({ message: 'Show added', data: { showId: await shows.create(body) } }),
    }),
    route({
      method: 'put',
      path: '/shows/:id',
      access: 'admin',
      summary: 'Edit a show; capacity never below seats reserved (409)',
      body: showPayload,
      errors: [404, 409],
      handler: async ({ params, body }) => {
        await shows.update(params.id, body);
        return { message: 'Show updated' };
      },
    }),
    route({
      method: 'delete',
      path: '/shows/:id',
      access: 'admin',
      summary: 'Delete a show; 409 while confirmed reservations exist',
      errors: [404, 409],
      handler: async ({ params }) => {
        await shows.remove(params.id);
        return { message: 'Show deleted' };
      },
    }),
  ];
}
