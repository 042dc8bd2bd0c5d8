import { healthResponse, openApiDocumentResponse, readyResponse } from '@musicapp/types/operations';
import type { Knex } from 'knex';
import { dialectOf } from '../../db/create-db.js';
import { migrationsDone } from '../../db/migrate.js';
import { ServiceUnavailableError } from '../../errors.js';
import { sendApiReference } from '../../routes/api-reference.js';
import { type RouteDeclaration, route } from '../../routes/route.js';

/** Liveness, readiness, the OpenAPI document and the browsable reference made from it. */
export function operationsRoutes(db: Knex, openApiDocument: () => object): RouteDeclaration[] {
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
      handler: (_input, _req, res) => {
        res.setHeader('Cache-Control', 'no-store');
        res.json({ status: 'success', data: { status: 'ok' } });
      },
    }),
    // Readiness, for operators and stack:test: the database answers and the schema is current.
    route({
      method: 'get',
      path: '/ready',
      access: 'public',
      tag: 'operations',
      summary: 'Readiness: database reachable, migrations done',
      response: readyResponse,
      handler: async (_input, _req, res) => {
        res.setHeader('Cache-Control', 'no-store');
        if (!(await migrationsDone(db)))
          throw new ServiceUnavailableError('Database migrations are not applied yet');
        res.json({
          status: 'success',
          data: { status: 'ready', database: dialectOf(db), migrations: 'done' },
        });
      },
    }),
    route({
      method: 'get',
      path: '/openapi.json',
      access: 'public',
      tag: 'operations',
      summary: 'This OpenAPI 3.1 document, generated from the routes the api serves',
      response: openApiDocumentResponse,
      handler: (_input, _req, res) => {
        res.json(openApiDocument());
      },
    }),
    // A browser asks for HTML and gets the reference; API clients (and the /docs of old) get the document.
    route({
      method: 'get',
      path: '/docs',
      access: 'public',
      tag: 'operations',
      summary: 'The browsable API reference; the OpenAPI document for clients that do not ask for HTML',
      response: openApiDocumentResponse,
      html: 'The API reference (Swagger UI) rendering /openapi.json',
      handler: (_input, req, res) => {
        res.vary('Accept');
        if (req.accepts(['json', 'html']) === 'html') sendApiReference(res);
        else res.json(openApiDocument());
      },
    }),
  ];
}
