import { pageQuery } from '@musicapp/types/common';
import {
  activitiesResponse,
  createPlaylistResponse,
  getPlaylistSongsResponse,
  listPlaylistsResponse,
  playlistPayload,
  playlistSongPayload,
} from '@musicapp/types/playlists';
import { principalOf } from '../../http/authenticate.js';
import { pathId } from '../../http/validate.js';
import { type RouteDeclaration, route } from '../../routes/route.js';
import type { PlaylistsService } from './playlists.service.js';

/** Signed-in users only; a playlist's routes are its owner's, and most also its collaborators'. */
export function playlistsRoutes(playlists: PlaylistsService): RouteDeclaration[] {
  return [
    route({
      method: 'post',
      path: '/playlists',
      access: 'user',
      summary: 'Create a playlist',
      body: playlistPayload,
      status: 201,
      response: createPlaylistResponse,
      handler: async ({ body }, req, res) => {
        const playlistId = await playlists.create(body.name, principalOf(req).userId);
        res.json({ status: 'success', message: 'Playlist added', data: { playlistId } });
      },
    }),
    route({
      method: 'get',
      path: '/playlists',
      access: 'user',
      summary: 'My playlists and those I collaborate on (paged)',
      query: pageQuery,
      response: listPlaylistsResponse,
      handler: async ({ query }, req, res) => {
        const data = await playlists.listFor(principalOf(req).userId, query);
        res.json({ status: 'success', data });
      },
    }),
    route({
      method: 'delete',
      path: '/playlists/:id',
      access: 'owner',
      summary: 'Delete a playlist (owner only)',
      errors: [404],
      handler: async (_input, req, res) => {
        await playlists.remove(pathId(req), principalOf(req).userId);
        res.json({ status: 'success', message: 'Playlist deleted' });
      },
    }),
    route({
      method: 'post',
      path: '/playlists/:id/songs',
      access: 'owner',
      summary: 'Add a song (owner or collaborator)',
      body: playlistSongPayload,
      status: 201,
      errors: [404, 409],
      handler: async ({ body }, req, res) => {
        await playlists.addSong(pathId(req), body.songId, principalOf(req).userId);
        res.json({ status: 'success', message: 'Song added to the playlist' });
      },
    }),
    route({
      method: 'get',
      path: '/playlists/:id/songs',
      access: 'owner',
      summary: 'The playlist with its songs (owner or collaborator)',
      response: getPlaylistSongsResponse,
      errors: [404],
      handler: async (_input, req, res) => {
        const playlist = await playlists.getWithSongs(pathId(req), principalOf(req).userId);
        res.json({ status: 'success', data: { playlist } });
      },
    }),
    route({
      method: 'delete',
      path: '/playlists/:id/songs',
      access: 'owner',
      summary: 'Remove a song (owner or collaborator)',
      body: playlistSongPayload,
      errors: [404],
      handler: async ({ body }, req, res) => {
        await playlists.removeSong(pathId(req), body.songId, principalOf(req).userId);
        res.json({ status: 'success', message: 'Song removed from the playlist' });
      },
    }),
    route({
      method: 'get',
      path: '/playlists/:id/activities',
      access: 'owner',
      summary: 'Who added or removed which song, and when (oldest first, paged; owner or collaborator)',
      query: pageQuery,
      response: activitiesResponse,
      errors: [404],
      handler: async ({ query }, req, res) => {
        const data = await playlists.activities(pathId(req), principalOf(req).userId, query);
        res.json({ status: 'success', data });
      },
    }),
  ];
}
