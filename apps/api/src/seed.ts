import type { Knex } from 'knex';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createDb } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { waitForDatabase } from './db/wait-for-db.js';
import { createLogger } from './logger.js';
import { seedDemo } from './seeds/seed-demo.js';

/**
 * An entry point, like main.ts: `npm run db:seed`, and the first step of the api's `npm run dev`: migrate, then add the demo catalogue
 * and users to an empty development database. Whatever stops it is told in one line on stderr, never a
 * stack trace: exit code 78 for a bad setting, 1 for anything else.
 */
function fail(message: string, exitCode: number): never {
  process.stderr.write(`db:seed: ${message}\n`);
  process.exit(exitCode);
}

/** One line: a driver's message may span several, and some errors (AggregateError) have none. */
function reason(error: unknown): string {
  const inner = error instanceof AggregateError && error.errors.length ? error.errors[0] : error;
  const { message, code } = (inner ?? {}) as { message?: string; code?: string };
  return (message || code || String(inner)).replace(/\s*\n\s*/g, '; ');
}

const where = (db: Config['db']) =>
  db.client === 'sqlite'
    ? `the SQLite file ${db.file}`
    : `MySQL database ${db.database} at ${db.host}:${db.port}`;

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  fail(`invalid configuration: ${error.message}`, 78);
}
if (config.env === 'production') fail('refusing to add demo users to a production database', 1);

const logger = createLogger(config.logLevel);
let db: Knex | undefined;
try {
  db = createDb(config.db, logger);
  // A database server may still be starting; an embedded file that cannot be opened will not open later.
  await waitForDatabase(db, logger, config.db.client === 'mysql' ? 30_000 : 0);
  await migrateToLatest(db, logger);
  const outcome = await seedDemo(db, config.bcryptCost);
  logger.info(
    { outcome },
    outcome === 'seeded'
      ? 'demo data added (users: admin/admin-password, listener/listener-password, fan/fan-password)'
      : 'database already has a catalogue; demo seed skipped',
  );
} catch (error) {
  process.stderr.write(`db:seed: cannot seed ${where(config.db)}: ${reason(error)}\n`);
  process.exitCode = 1;
} finally {
  await db?.destroy();
}
