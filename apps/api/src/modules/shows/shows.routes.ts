import { showListQuery, showPayload } from '@musicapp/types/shows';
import { type RequestHandler, Router } from 'express';
import { jsonBody } from '../../http/json-body.js';
import { pathId, validate } from '../../http/validate.js';
import type { ShowsService } from './shows.service.js';

/** Public listing and detail; writes are for admins only (CATALOG_WRITES does not open them). */
export function showsRoutes(shows: ShowsService, adminOnly: RequestHandler[]): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const data = await shows.list(validate(showListQuery, req.query, 'query'));
    res.json({ status: 'success', data });
  });

  router.get('/:id', async (req, res) => {
    const show = await shows.get(pathId(req));
    res.json({ status: 'success', data: { show } });
  });

  router.post('/', ...adminOnly, jsonBody, async (req, res) => {
    const showId = await shows.create(validate(showPayload, req.body));
    res.status(201).json({ status: 'success', message: 'Show added', data: { showId } });
  });

  router.put('/:id', ...adminOnly, jsonBody, async (req, res) => {
    await shows.update(pathId(req), validate(showPayload, req.body));
    res.json({ status: 'success', message: 'Show updated' });
  });

  router.delete('/:id', ...adminOnly, async (req, res) => {
    await shows.remove(pathId(req));
    res.json({ status: 'success', message: 'Show deleted' });
  });

  return router;
}
