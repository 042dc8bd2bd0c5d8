import { songPayload, songSearchQuery } from '@musicapp/types/songs';
import { type Request, type RequestHandler, Router } from 'express';
import { sendCachedData } from '../../http/cached-json.js';
import { jsonBody } from '../../http/json-body.js';
import { pathId, validate } from '../../http/validate.js';
import type { SongsService } from './songs.service.js';

export function songsRoutes(
  songs: SongsService,
  catalogWriter: RequestHandler[],
  wantsFresh: (req: Request) => boolean,
): Router {
  const router = Router();

  router.post('/', ...catalogWriter, jsonBody, async (req, res) => {
    const songId = await songs.create(validate(songPayload, req.body));
    res.status(201).json({ status: 'success', message: 'Song added', data: { songId } });
  });

  router.get('/', async (req, res) => {
    const query = validate(songSearchQuery, req.query, 'query');
    sendCachedData(res, await songs.search(query, { fresh: wantsFresh(req) }));
  });

  router.get('/:id', async (req, res) => {
    const song = await songs.get(pathId(req));
    res.json({ status: 'success', data: { song } });
  });

  router.put('/:id', ...catalogWriter, jsonBody, async (req, res) => {
    await songs.update(pathId(req), validate(songPayload, req.body));
    res.json({ status: 'success', message: 'Song updated' });
  });

  router.delete('/:id', ...catalogWriter, async (req, res) => {
    await songs.remove(pathId(req));
    res.json({ status: 'success', message: 'Song deleted' });
  });

  return router;
}
