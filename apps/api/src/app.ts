import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { catalogueCache } from './catalogue-cache.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { loginRateLimits, registrationRateLimit } from './http/rate-limit.js';
import { requestId } from './http/request-id.js';
import { albumsRepository } from './modules/albums/albums.repository.js';
import { albumsRoutes } from './modules/albums/albums.routes.js';
import { albumsService } from './modules/albums/albums.service.js';
import { authenticationsRoutes } from './modules/authentications/authentications.routes.js';
import { authenticationsService } from './modules/authentications/authentications.service.js';
import { refreshTokensRepository } from './modules/authentications/refresh-tokens.repository.js';
import { tokenManager } from './modules/authentications/token-manager.js';
import { collaborationsRepository } from './modules/collaborations/collaborations.repository.js';
import { collaborationsRoutes } from './modules/collaborations/collaborations.routes.js';
import { collaborationsService } from './modules/collaborations/collaborations.service.js';
import { operationsRoutes } from './modules/operations/operations.routes.js';
import { playlistSongsRepository } from './modules/playlists/playlist-songs.repository.js';
import { playlistsRepository } from './modules/playlists/playlists.repository.js';
import { playlistsRoutes } from './modules/playlists/playlists.routes.js';
import { playlistsService } from './modules/playlists/playlists.service.js';
import { reservationsRepository } from './modules/reservations/reservations.repository.js';
import { reservationsRoutes } from './modules/reservations/reservations.routes.js';
import { reservationsService } from './modules/reservations/reservations.service.js';
import { showsRepository } from './modules/shows/shows.repository.js';
import { showsRoutes } from './modules/shows/shows.routes.js';
import { showsService } from './modules/shows/shows.service.js';
import { songsRepository } from './modules/songs/songs.repository.js';
import { songsRoutes } from './modules/songs/songs.routes.js';
import { songsService } from './modules/songs/songs.service.js';
import { usersRepository } from './modules/users/users.repository.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { usersService } from './modules/users/users.service.js';
import { accessGuards } from './routes/access.js';
import { API_REFERENCE_ASSETS, apiReferenceAssets } from './routes/api-reference.js';
import { buildOpenApiDocument, type OpenApiDocument } from './routes/openapi-document.js';
import type { RouteDeclaration } from './routes/route.js';
import { mountRoutes } from './routes/route-table.js';

export interface AppDeps {
  db: Knex;
  config: Config;
  logger: Logger;
  clock?: Clock;
  /**
   * Hold every answer to its route's declared response schema, and answer a drift with a 500 naming it
   * (routes/answer.ts). The tests' apps and non-production processes turn it on; production skips the cost.
   */
  checkResponses?: boolean;
}

/** Builds the whole API on the injected dependencies. Never listens and never reads the environment. */
export function createApp({
  db,
  config,
  logger,
  clock = systemClock,
  checkResponses = false,
}: AppDeps): Express {
  const users = usersRepository(db);
  const albums = albumsRepository(db);
  const songs = songsRepository(db);
  const playlists = playlistsRepository(db);
  const tokens = tokenManager(config.tokens, clock);
  const catalogue = catalogueCache({ ttlMs: config.catalogCacheMs });

  const playlistsSvc = playlistsService(playlists, playlistSongsRepository(db), songs, clock);
  const catalogWrites = config.catalogWrites === 'public' ? 'public' : 'admin';

  // Built on the first request for it, then kept.
  let openApiDocument: OpenApiDocument | undefined;
  // Every route the api serves, declared once: mounted below, and described by /openapi.json and /docs.
  const routes: RouteDeclaration[] = [
    ...operationsRoutes(db, () => (openApiDocument ??= buildOpenApiDocument(routes))),
    ...albumsRoutes(albumsService(albums, clock, catalogue), catalogWrites),
    ...songsRoutes(songsService(songs, albums, clock, catalogue), catalogWrites),
    ...usersRoutes(
      usersService(users, config.bcryptCost, clock),
      registrationRateLimit(config.registrationsPerClientPerHour),
    ),
    ...authenticationsRoutes(
      authenticationsService(users, refreshTokensRepository(db), tokens, config.bcryptCost, clock),
      loginRateLimits(config.loginRateLimit),
    ),
    ...playlistsRoutes(playlistsSvc),
    ...collaborationsRoutes(collaborationsService(collaborationsRepository(db), playlistsSvc, users, clock)),
    ...showsRoutes(showsService(showsRepository(db), albums, clock)),
    ...reservationsRoutes(reservationsService(reservationsRepository(db), clock)),
  ];

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple'); // flat strings only: ?a=1&a=2 is an array that validation refuses

  app.use(requestId(logger));
  // The headers a JSON API needs (OWASP REST Security Cheat Sheet), not helmet's set for HTML pages:
  // a response opened in a browser runs nothing, frames nowhere and is never sniffed as something else.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      },
      frameguard: { action: 'deny' },
      crossOriginOpenerPolicy: false,
      originAgentCluster: false,
      xDnsPrefetchControl: false,
      xDownloadOptions: false,
      xPermittedCrossDomainPolicies: false,
      xXssProtection: false,
    }),
  );

  app.use(API_REFERENCE_ASSETS, apiReferenceAssets());
  mountRoutes(app, routes, accessGuards(tokens), { checkResponses });

  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
