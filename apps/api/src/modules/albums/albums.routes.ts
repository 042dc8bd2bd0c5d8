import { albumPayload } from '@musicapp/types/albums';
import { pageQuery } from '@musicapp/types/common';
import { type Request, type RequestHandler, Router } from 'express';
import { sendCachedData } from '../../http/cached-json.js';
import { jsonBody } from '../../http/json-body.js';
import { pathId, validate } from '../../http/validate.js';
import type { AlbumsService } from './albums.service.js';

export function albumsRoutes(
  albums: AlbumsService,
  catalogWriter: RequestHandler[],
  wantsFresh: (req: Request) => boolean,
): Router {
  const router = Router();

  router.post('/', ...catalogWriter, jsonBody, async (req, res) => {
    const albumId = await albums.create(validate(albumPayload, req.body));
    res.status(201).json({ status: 'success', message: 'Album added', data: { albumId } });
  });

  router.get('/', async (req, res) => {
    const data = await albums.list(validate(pageQuery, req.query, 'query'));
    res.json({ status: 'success', data });
  });

  router.get('/:id', async (req, res) => {
    const album = await albums.get(pathId(req), { fresh: wantsFresh(req) });
    sendCachedData(res, album, 'album');
  });

  router.put('/:id', ...catalogWriter, jsonBody, async (req, res) => {
    await albums.update(pathId(req), validate(albumPayload, req.body));
    res.json({ status: 'success', message: 'Album updated' });
  });

  router.delete('/:id', ...catalogWriter, async (req, res) => {
    await albums.remove(pathId(req));
    res.json({ status: 'success', message: 'Album deleted' });
  });

  return router;
}
