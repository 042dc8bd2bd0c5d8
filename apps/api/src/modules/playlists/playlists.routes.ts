import { pageQuery } from '@musicapp/types/common';
import { playlistPayload, playlistSongPayload } from '@musicapp/types/playlists';
import { type RequestHandler, Router } from 'express';
import { principalOf } from '../../http/authenticate.js';
import { jsonBody } from '../../http/json-body.js';
import { pathId, validate } from '../../http/validate.js';
import type { PlaylistsService } from './playlists.service.js';

export function playlistsRoutes(playlists: PlaylistsService, authenticated: RequestHandler): Router {
  const router = Router();
  router.use(authenticated);

  router.post('/', jsonBody, async (req, res) => {
    const { name } = validate(playlistPayload, req.body);
    const playlistId = await playlists.create(name, principalOf(req).userId);
    res.status(201).json({ status: 'success', message: 'Playlist added', data: { playlistId } });
  });

  router.get('/', async (req, res) => {
    const data = await playlists.listFor(principalOf(req).userId, validate(pageQuery, req.query, 'query'));
    res.json({ status: 'success', data });
  });

  router.delete('/:id', async (req, res) => {
    await playlists.remove(pathId(req), principalOf(req).userId);
    res.json({ status: 'success', message: 'Playlist deleted' });
  });

  router.post('/:id/songs', jsonBody, async (req, res) => {
    const { songId } = validate(playlistSongPayload, req.body);
    await playlists.addSong(pathId(req), songId, principalOf(req).userId);
    res.status(201).json({ status: 'success', message: 'Song added to the playlist' });
  });

  router.get('/:id/songs', async (req, res) => {
    const playlist = await playlists.getWithSongs(pathId(req), principalOf(req).userId);
    res.json({ status: 'success', data: { playlist } });
  });

  router.delete('/:id/songs', jsonBody, async (req, res) => {
    const { songId } = validate(playlistSongPayload, req.body);
    await playlists.removeSong(pathId(req), songId, principalOf(req).userId);
    res.json({ status: 'success', message: 'Song removed from the playlist' });
  });

  router.get('/:id/activities', async (req, res) => {
    const page = validate(pageQuery, req.query, 'query');
    const data = await playlists.activities(pathId(req), principalOf(req).userId, page);
    res.json({ status: 'success', data });
  });

  return router;
}
