import { healthResponse, openApiDocumentResponse, readyResponse } from '@musicapp/types/operations';
import type { Knex } from 'knex';
import { dialectOf } from '../../db/create-db.js';
import { migrationsDone } from '../../db/migrate.js';
import { ServiceUnavailableError } from '../../errors.js';
import { apiReferencePage } from '../../routes/api-reference.js';
import type { OpenApiDocument } from '../../routes/openapi-document.js';
import { type RouteDeclaration, route } from '../../routes/route.js';

/** Probes answer what is true now: no cache, proxy or browser keeps them (errors included). */
const NOT_STORED = { 'Cache-Control': 'no-store' };

/** Liveness, readiness, the OpenAPI document and the browsable reference made from it. */
export function operationsRoutes(db: Knex, openApiDocument: () => OpenApiDocument): RouteDeclaration[] {
  return [
    // Liveness: the process serves. Never touches the database, so a database blip cannot make the
    // swarm healthcheck kill every replica at once.
    route({
      method: 'get',
      path: '/health',
      access: 'public',
      tag: 'operations',
      summary: 'Liveness (never touches the database)',
      response: healthResponse,
      setHeaders: NOT_STORED,
      handler: () => ({ data: { status: 'ok' as const } }),
    }),
    // Readiness, for operators and stack:test: the database answers and the schema is current.
    route({
      method: 'get',
      path: '/ready',
      access: 'public',
      tag: 'operations',
      summary: 'Readiness: database reachable, migrations done',
      response: readyResponse,
      setHeaders: NOT_STORED,
      handler: async () => {
        if (!(await migrationsDone(db)))
          throw new ServiceUnavailableError('Database migrations are not applied yet');
        return { data: { status: 'ready', database: dialectOf(db), migrations: 'done' } as const };
      },
    }),
    route({
      method: 'get',
      path: '/openapi.json',
      access: 'public',
      tag: 'operations',
      summary: 'This OpenAPI 3.1 document, generated from the routes the api serves',
      response: openApiDocumentResponse,
      bare: true,
      handler: () => ({ data: openApiDocument() }),
    }),
    // A browser asks for HTML and gets the reference; API clients (and the /docs of old) get the document.
    route({
      method: 'get',
      path: '/docs',
      access: 'public',
      tag: 'operations',
      summary: 'The browsable API reference; the OpenAPI document for clients that do not ask for HTML',
      response: openApiDocumentResponse,
      bare: true,
      html: apiReferencePage,
      handler: () => ({ data: openApiDocument() }),
    }),
  ];
}
