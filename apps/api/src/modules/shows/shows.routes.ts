import {
  createShowResponse,
  getShowResponse,
  listShowsResponse,
  showListQuery,
  showPayload,
} from '@musicapp/types/shows';
import { pathId } from '../../http/validate.js';
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
      handler: async ({ query }, _req, res) => {
        const data = await shows.list(query);
        res.json({ status: 'success', data });
      },
    }),
    route({
      method: 'get',
      path: '/shows/:id',
      access: 'public',
      summary: 'A show with its seats left',
      response: getShowResponse,
      errors: [404],
      handler: async (_input, req, res) => {
        const show = await shows.get(pathId(req));
        res.json({ status: 'success', data: { show } });
      },
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
      handler: async ({ body }, _req, res) => {
        const showId = await shows.create(body);
        res.json({ status: 'success', message: 'Show added', data: { showId } });
      },
    }),
    route({
      method: 'put',
      path: '/shows/:id',
      access: 'admin',
      summary: 'Edit a show; capacity never below seats reserved (409)',
      body: showPayload,
      errors: [404, 409],
      handler: async ({ body }, req, res) => {
        await shows.update(pathId(req), body);
        res.json({ status: 'success', message: 'Show updated' });
      },
    }),
    route({
      method: 'delete',
      path: '/shows/:id',
      access: 'admin',
      summary: 'Delete a show; 409 while confirmed reservations exist',
      errors: [404, 409],
      handler: async (_input, req, res) => {
        await shows.remove(pathId(req));
        res.json({ status: 'success', message: 'Show deleted' });
      },
    }),
  ];
}
