import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { migrationSource } from './migrations/index.js';

const MIGRATION_LOCK_WAIT_MS = 60_000;

/**
 * Applies pending migrations. Several replicas may start at once: knex's lock lets one migrate while the
 * others fail to take the lock; those wait and retry until the first is done (then there is nothing to do).
 */
export async function migrateToLatest(db: Knex, logger?: Logger): Promise<void> {
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
