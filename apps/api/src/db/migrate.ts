import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { dialectOf } from './create-db.js';
import { migrationSource } from './migrations/index.js';

const MIGRATION_LOCK_WAIT_MS = 60_000;

/**
 * MySQL/MariaDB: replicas take turns, queued on a server lock named after the database, so they never
 * race on knex's lock row (seen on MariaDB under load: the holder's release waited on another replica's
 * row lock until the 60 s deadline). SQLite has one writer and goes straight on.
 */
async function oneReplicaAtATime<T>(db: Knex, migrate: () => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'mysql') return migrate();
  const connection = await db.client.acquireConnection();
  const lock = (sql: string, bindings: unknown[]) =>
    db.raw(sql, bindings as Knex.RawBinding[]).connection(connection);
  try {
    const [[{ got }]] = await lock("select get_lock(concat('musicapp-migrate:', database()), ?) as got", [
      Math.ceil(MIGRATION_LOCK_WAIT_MS / 1000),
    ]);
    if (got !== 1) throw new Error('timed out waiting for another replica to finish migrating the database');
    try {
      return await migrate();
    } finally {
      await lock("select release_lock(concat('musicapp-migrate:', database()))", []);
    }
  } finally {
    await db.client.releaseConnection(connection);
  }
}

/**
 * Applies pending migrations. Several replicas may start at once: one migrates while the others wait for
 * it (oneReplicaAtATime, and knex's own lock behind it: a replica that meets it waits and retries), and
 * then find nothing to do.
 */
export async function migrateToLatest(db: Knex, logger?: Logger): Promise<void> {
  return oneReplicaAtATime(db, () => migrateUnlocked(db, logger));
}

async function migrateUnlocked(db: Knex, logger?: Logger): Promise<void> {
  const deadline = Date.now() + MIGRATION_LOCK_WAIT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      const [, applied] = (await db.migrate.latest({ migrationSource })) as [number, string[]];
      if (applied.length > 0) logger?.info({ applied }, 'database migrated');
      return;
    } catch (error) {
      // Another replica holds the lock, or won the race to create knex's own bookkeeping tables.
      const locked =
        error instanceof Error &&
        (error.name === 'MigrationLocked' || /knex_migrations\S* already exists/i.test(error.message));
      if (!locked || Date.now() > deadline) throw error;
      logger?.info({ attempt }, 'another replica is migrating the database; waiting');
      await sleep(250 + Math.random() * 250);
    }
  }
}

/** True when every known migration has been applied (used by GET /ready). */
export async function migrationsDone(db: Knex): Promise<boolean> {
  const [, pending] = (await db.migrate.list({ migrationSource })) as [unknown[], unknown[]];
  return pending.length === 0;
}
