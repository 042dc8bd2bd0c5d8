import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import * as albums from '@musicapp/types/albums';
import * as auth from '@musicapp/types/authentications';
import * as collaborations from '@musicapp/types/collaborations';
import { failEnvelope, pageQuery } from '@musicapp/types/common';
import * as operations from '@musicapp/types/operations';
import * as playlists from '@musicapp/types/playlists';
import * as reservations from '@musicapp/types/reservations';
import * as shows from '@musicapp/types/shows';
import * as songs from '@musicapp/types/songs';
import * as users from '@musicapp/types/users';
import { z } from 'zod';

const plainSuccess = z.object({ status: z.literal('success'), message: z.string().optional() });

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid payload, query or cursor',
  401: 'No, expired or invalid access token',
  403: 'Not allowed for this user',
  404: 'Not found',
  409: 'Conflicts with the current state (seats left, limits, twin request in flight)',
  422: 'Idempotency-Key reused for a different request',
  413: 'Body larger than 100 kB',
  429: 'Too many attempts',
  503: 'Database unavailable; retry shortly',
};

interface RouteSpec {
  method: RouteConfig['method'];
  path: string;
  tag: string;
  summary: string;
  secured?: boolean;
  body?: z.ZodType;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  status?: 200 | 201;
  response?: z.ZodType;
  errors?: number[];
}

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

/** The OpenAPI 3.1 description of the API, generated from the shared schemas of @musicapp/types. */
export function buildOpenApiDocument(): object {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  const fail = failEnvelope;
  const idParams = (path: string) =>
    path.includes('{id}') ? z.object({ id: z.string().describe('Prefixed id, e.g. album-…') }) : undefined;

  const add = (spec: RouteSpec) => {
    const errors = [...new Set([...(spec.errors ?? []), ...(spec.body ? [400, 413] : []), 503])].sort();
    const params = idParams(spec.path);
    registry.registerPath({
      method: spec.method,
      path: spec.path,
      tags: [spec.tag],
      summary: spec.summary,
      ...(spec.secured ? { security: [{ [bearer.name]: [] }] } : {}),
      request: {
        ...(params ? { params } : {}),
        ...(spec.query ? { query: spec.query } : {}),
        ...(spec.headers ? { headers: spec.headers } : {}),
        ...(spec.body ? { body: { required: true, ...json(spec.body) } } : {}),
      },
      responses: {
        [spec.status ?? 200]: { description: 'Success', ...json(spec.response ?? plainSuccess) },
        ...Object.fromEntries(
          errors.map((code) => [code, { description: ERROR_TEXT[code] ?? 'Error', ...json(fail) }]),
        ),
      },
    });
  };

  const catalog = { secured: true, errors: [401, 403] };
  // Album pages and song searches may come from an api replica's short cache (CATALOG_CACHE_MS).
  const cachedRead = {
    headers: z.object({
      'Cache-Control': z
        .string()
        .optional()
        .describe(
          "`no-cache` with an admin's access token: an answer read from the database, not from the replica's short cache (ignored for anyone else)",
        ),
    }),
  };
  add({
    method: 'get',
    path: '/health',
    tag: 'operations',
    summary: 'Liveness (never touches the database)',
    response: operations.healthResponse,
  });
  add({
    method: 'get',
    path: '/ready',
    tag: 'operations',
    summary: 'Readiness: database reachable, migrations done',
    response: operations.readyResponse,
  });

  add({
    method: 'post',
    path: '/albums',
    tag: 'albums',
    summary: 'Add an album (admin)',
    ...catalog,
    body: albums.albumPayload,
    status: 201,
    response: albums.createAlbumResponse,
  });
  add({
    method: 'get',
    path: '/albums',
    tag: 'albums',
    summary: 'List albums by name (paged)',
    query: pageQuery,
    response: albums.listAlbumsResponse,
    errors: [400],
  });
  add({
    method: 'get',
    path: '/albums/{id}',
    tag: 'albums',
    summary: 'An album with its songs',
    ...cachedRead,
    response: albums.getAlbumResponse,
    errors: [404],
  });
  add({
    method: 'put',
    path: '/albums/{id}',
    tag: 'albums',
    summary: 'Edit an album (admin)',
    ...catalog,
    body: albums.albumPayload,
    errors: [401, 403, 404],
  });
  add({
    method: 'delete',
    path: '/albums/{id}',
    tag: 'albums',
    summary: 'Delete an album (admin); its songs stay, without album',
    ...catalog,
    errors: [401, 403, 404],
  });

  add({
    method: 'post',
    path: '/songs',
    tag: 'songs',
    summary: 'Add a song (admin)',
    ...catalog,
    body: songs.songPayload,
    status: 201,
    response: songs.createSongResponse,
    errors: [401, 403, 404],
  });
  add({
    method: 'get',
    path: '/songs',
    tag: 'songs',
    summary: 'Search songs by title and/or performer (case-insensitive substrings, paged)',
    ...cachedRead,
    query: songs.songSearchQuery,
    response: songs.listSongsResponse,
    errors: [400],
  });
  add({
    method: 'get',
    path: '/songs/{id}',
    tag: 'songs',
    summary: 'A song with all its fields',
    response: songs.getSongResponse,
    errors: [404],
  });
  add({
    method: 'put',
    path: '/songs/{id}',
    tag: 'songs',
    summary: 'Edit a song (admin)',
    ...catalog,
    body: songs.songPayload,
    errors: [401, 403, 404],
  });
  add({
    method: 'delete',
    path: '/songs/{id}',
    tag: 'songs',
    summary: 'Delete a song (admin)',
    ...catalog,
    errors: [401, 403, 404],
  });

  add({
    method: 'post',
    path: '/users',
    tag: 'users',
    summary: 'Register; 400 when the username is taken',
    body: users.userPayload,
    status: 201,
    response: users.createUserResponse,
  });
  add({
    method: 'get',
    path: '/users',
    tag: 'users',
    summary: 'Find a user by exact username (to add a collaborator); an empty list when nobody has it',
    secured: true,
    errors: [400, 401],
    query: users.userLookupQuery,
    response: users.lookupUsersResponse,
  });

  add({
    method: 'post',
    path: '/authentications',
    tag: 'authentications',
    summary: 'Log in',
    body: auth.loginPayload,
    status: 201,
    response: auth.loginResponse,
    errors: [401, 429],
  });
  add({
    method: 'put',
    path: '/authentications',
    tag: 'authentications',
    summary: 'New access token from a refresh token',
    body: auth.refreshTokenPayload,
    response: auth.refreshResponse,
  });
  add({
    method: 'delete',
    path: '/authentications',
    tag: 'authentications',
    summary: 'Log out: the refresh token stops working',
    body: auth.refreshTokenPayload,
  });

  const member = { secured: true, errors: [401, 403, 404] };
  add({
    method: 'post',
    path: '/playlists',
    tag: 'playlists',
    summary: 'Create a playlist',
    secured: true,
    errors: [401],
    body: playlists.playlistPayload,
    status: 201,
    response: playlists.createPlaylistResponse,
  });
  add({
    method: 'get',
    path: '/playlists',
    tag: 'playlists',
    summary: 'My playlists and those I collaborate on (paged)',
    secured: true,
    errors: [400, 401],
    query: pageQuery,
    response: playlists.listPlaylistsResponse,
  });
  add({
    method: 'delete',
    path: '/playlists/{id}',
    tag: 'playlists',
    summary: 'Delete a playlist (owner only)',
    ...member,
  });
  add({
    method: 'post',
    path: '/playlists/{id}/songs',
    tag: 'playlists',
    summary: 'Add a song (owner or collaborator)',
    ...member,
    errors: [401, 403, 404, 409],
    body: playlists.playlistSongPayload,
    status: 201,
  });
  add({
    method: 'get',
    path: '/playlists/{id}/songs',
    tag: 'playlists',
    summary: 'The playlist with its songs',
    ...member,
    response: playlists.getPlaylistSongsResponse,
  });
  add({
    method: 'delete',
    path: '/playlists/{id}/songs',
    tag: 'playlists',
    summary: 'Remove a song',
    ...member,
    body: playlists.playlistSongPayload,
  });
  add({
    method: 'get',
    path: '/playlists/{id}/activities',
    tag: 'playlists',
    summary: 'Who added or removed which song, and when (oldest first, paged)',
    ...member,
    errors: [400, ...member.errors],
    query: pageQuery,
    response: playlists.activitiesResponse,
  });

  add({
    method: 'post',
    path: '/collaborations',
    tag: 'collaborations',
    summary: 'Add a collaborator (owner only)',
    ...member,
    errors: [401, 403, 404, 409],
    body: collaborations.collaborationPayload,
    status: 201,
    response: collaborations.createCollaborationResponse,
  });
  add({
    method: 'delete',
    path: '/collaborations',
    tag: 'collaborations',
    summary: 'Remove a collaborator (owner only)',
    ...member,
    body: collaborations.collaborationPayload,
  });

  const admin = { secured: true, errors: [401, 403] };
  add({
    method: 'get',
    path: '/shows',
    tag: 'shows',
    summary: 'Upcoming shows, soonest first (paged, ?from=)',
    query: shows.showListQuery,
    response: shows.listShowsResponse,
    errors: [400],
  });
  add({
    method: 'get',
    path: '/shows/{id}',
    tag: 'shows',
    summary: 'A show with its seats left',
    response: shows.getShowResponse,
    errors: [404],
  });
  add({
    method: 'post',
    path: '/shows',
    tag: 'shows',
    summary: 'Add a show (admin)',
    ...admin,
    errors: [401, 403, 404],
    body: shows.showPayload,
    status: 201,
    response: shows.createShowResponse,
  });
  add({
    method: 'put',
    path: '/shows/{id}',
    tag: 'shows',
    summary: 'Edit a show (admin); capacity never below seats reserved (409)',
    ...admin,
    errors: [401, 403, 404, 409],
    body: shows.showPayload,
  });
  add({
    method: 'delete',
    path: '/shows/{id}',
    tag: 'shows',
    summary: 'Delete a show (admin); 409 while confirmed reservations exist',
    ...admin,
    errors: [401, 403, 404, 409],
  });

  add({
    method: 'post',
    path: '/reservations',
    tag: 'reservations',
    summary: 'Reserve 1–6 seats; the same Idempotency-Key never books twice and replays the first result',
    secured: true,
    errors: [401, 404, 409, 422],
    headers: z.object({ 'Idempotency-Key': reservations.idempotencyKey.optional() }),
    body: reservations.reservationPayload,
    status: 201,
    response: reservations.createReservationResponse,
  });
  add({
    method: 'get',
    path: '/reservations',
    tag: 'reservations',
    summary: 'My reservations with their shows, newest first (paged)',
    secured: true,
    errors: [400, 401],
    query: pageQuery,
    response: reservations.listReservationsResponse,
  });
  add({
    method: 'get',
    path: '/reservations/{id}',
    tag: 'reservations',
    summary: 'One of my reservations (another fan’s is 404)',
    secured: true,
    errors: [401, 404],
    response: reservations.getReservationResponse,
  });
  add({
    method: 'delete',
    path: '/reservations/{id}',
    tag: 'reservations',
    summary: 'Cancel: seats return to the show; repeating is harmless; 409 once the show started',
    secured: true,
    errors: [401, 404, 409],
    response: reservations.getReservationResponse,
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Musicapp API',
      version: '1.0.0',
      description:
        'OpenMusic-compatible catalogue, users, sessions and playlists. Success: {status:"success", data}; ' +
        'client errors {status:"fail", message}; server errors {status:"error", message}.',
    },
    servers: [{ url: '/' }],
  });
}
