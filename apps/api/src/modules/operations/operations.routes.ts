import { Router } from 'express';
import type { Knex } from 'knex';
import { dialectOf } from '../../db/create-db.js';
import { migrationsDone } from '../../db/migrate.js';
import { ServiceUnavailableError } from '../../errors.js';

/** Liveness, readiness and the OpenAPI document. */
export function operationsRoutes(db: Knex, openApiDocument: () => Promise<object>): Router {
  const router = Router();

  // Liveness: the process serves. Never touches the database, so a database blip cannot make the
  // swarm healthcheck kill every replica at once.
  router.get('/health', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'success', data: { status: 'ok' } });
  });

  // Readiness, for operators and stack:test: the database answers and the schema is current.
  router.get('/ready', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (!(await migrationsDone(db)))
      throw new ServiceUnavailableError('Database migrations are not applied yet');
    res.json({ status: 'success', data: { status: 'ready', database: dialectOf(db), migrations: 'done' } });
  });

  router.get('/docs', async (_req, res) => {
    res.json(await openApiDocument());
  });

  return router;
}
