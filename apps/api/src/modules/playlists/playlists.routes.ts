import { pageQuery } from '@musicapp/types/common';
import {
  activitiesResponse,
  createPlaylistResponse,
  getPlaylistSongsResponse,
  listPlaylistsResponse,
  playlistPayload,
  playlistSongPayload,
} from '@musicapp/types/playlists';
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
      handler: async ({ body, principal }) => ({
        message: 'Playlist added',
        data: { playlistId: await playlists.create(body.name, principal.userId) },
      }),
    }),
    route({
      method: 'get',
      path: '/playlists',
      access: 'user',
      summary: 'My playlists and those I collaborate on (paged)',
      query: pageQuery,
      response: listPlaylistsResponse,
      handler: async ({ query, principal }) => ({ data: await playlists.listFor(principal.userId, query) }),
    }),
    route({
      method: 'delete',
      path: '/playlists/:id',
      access: 'owner',
      summary: 'Delete a playlist (owner only)',
      errors: [404],
      handler: async ({ params, principal }) => {
        await playlists.remove(params.id, principal.userId);
        return { message: 'Playlist deleted' };
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
      handler: async ({ params, body, principal }) => {
        await playlists.addSong(params.id, body.songId, principal.userId);
        return { message: 'Song added to the playlist' };
      },
    }),
    route({
      method: 'get',
      path: '/playlists/:id/songs',
      access: 'owner',
      summary: 'The playlist with its songs (owner or collaborator)',
      response: getPlaylistSongsResponse,
      errors: [404],
      handler: async ({ params, principal }) => ({
        data: { playlist: await playlists.getWithSongs(params.id, principal.userId) },
      }),
    }),
    route({
      method: 'delete',
      path: '/playlists/:id/songs',
      access: 'owner',
      summary: 'Remove a song (owner or collaborator)',
      body: playlistSongPayload,
      errors: [404],
      handler: async ({ params, body, principal }) => {
        await playlists.removeSong(params.id, body.songId, principal.userId);
        return { message: 'Song removed from the playlist' };
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
      handler: async ({ params, query, principal }) => ({
        data: await playlists.activities(params.id, principal.userId, query),
      }),
    }),
  ];
}
