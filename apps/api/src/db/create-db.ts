import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import knex, { type Knex } from 'knex';
import type { Logger } from 'pino';
import type { DbConfig } from '../config.js';

/** A server that does not answer the handshake in this time is treated as down: 503, no hanging request. */
const CONNECT_TIMEOUT_MS = 2000;
/**
 * How long a request may queue for a pooled connection under load. A database that is down does not
 * make requests wait this long: a failed connection attempt rejects the waiting request at once.
 */
const ACQUIRE_TIMEOUT_MS = 10_000;

/**
 * MySQL/MariaDB when DB_HOST is set, otherwise the embedded SQLite file: the same knex code runs on both.
 * Creating the instance opens no connection; the first query does.
 */
interface MysqlConnection {
  query(sql: string, done: (error: Error | null) => void): void;
}

export function createDb(config: DbConfig, logger?: Logger): Knex {
  // knex's own warnings (e.g. "Acquire connection error") go to the structured log, not the console.
  const log = {
    warn: (message: unknown) => logger?.warn({ knex: String(message) }, 'database warning'),
    error: (message: unknown) => logger?.error({ knex: String(message) }, 'database error'),
    deprecate: (message: unknown) => logger?.warn({ knex: String(message) }, 'knex deprecation'),
    debug: () => {},
  };
  if (config.client === 'mysql') {
    return knex({
      log,
      client: 'mysql2',
      connection: {
        host: config.host,
        port: config.port,
        user: config.user,
        password: config.password,
        database: config.database,
        charset: 'utf8mb4',
        timezone: 'Z',
        connectTimeout: CONNECT_TIMEOUT_MS,
        enableKeepAlive: true,
        keepAliveInitialDelay: 30_000,
      },
      // min 0 + idle timeout: no idle connection lives long enough to be silently dropped by a
      // swarm VIP (~900 s) and handed to a request dead.
      pool: {
        propagateCreateError: true,
        min: 0,
        max: config.poolMax,
        idleTimeoutMillis: 30_000,
        reapIntervalMillis: 5_000,
        // READ COMMITTED: each statement reads the latest committed rows without gap locks (the
        // reservation rules rely on row locks, not on snapshots). And a request never waits 50 s
        // (InnoDB's default) for a row lock: after 3 s it gives up, and the transaction is retried or
        // answered with a clear message.
        afterCreate: (
          connection: MysqlConnection,
          done: (error: Error | null, connection: unknown) => void,
        ) => {
          connection.query('set session transaction isolation level read committed', (error) => {
            if (error) return done(error, connection);
            connection.query('set session innodb_lock_wait_timeout = 3', (error2) =>
              done(error2, connection),
            );
          });
        },
      },
      acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS,
    });
  }

  // The SQLite driver is a development dependency (production refuses SQLite, and its image has no
  // driver): knex would only say "run npm install better-sqlite3" over several lines.
  try {
    createRequire(import.meta.url).resolve('better-sqlite3');
  } catch {
    throw new Error(
      'the embedded SQLite database needs better-sqlite3, a development dependency: run npm install, or set DB_HOST',
    );
  }
  if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
  return knex({
    log,
    client: 'better-sqlite3',
    connection: { filename: config.file },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate: (connection: { pragma(sql: string): unknown }, done: (error: Error | null) => void) => {
        connection.pragma('journal_mode = WAL');
        connection.pragma('foreign_keys = ON');
        connection.pragma('busy_timeout = 5000');
        done(null);
      },
    },
    // One connection serialises every query, so waiting for it is normal under load, not an outage.
    acquireConnectionTimeout: 10_000,
  });
}

export function dialectOf(db: Knex): 'mysql' | 'sqlite' {
  return db.client.config.client === 'mysql2' ? 'mysql' : 'sqlite';
}
