import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import type { Logger } from 'pino';

/**
 * Swarm ignores depends_on, so the api may start before the database accepts connections: wait for it
 * with a clear log line and capped backoff instead of crashing.
 */
export async function waitForDatabase(db: Knex, logger: Logger, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1, delay = 500; ; attempt++, delay = Math.min(delay * 2, 5000)) {
    try {
      await db.raw('select 1');
      if (attempt > 1) logger.info({ attempt }, 'database is reachable');
      return;
    } catch (error) {
      if (Date.now() + delay > deadline) throw error;
      logger.warn(
        { attempt, retryInMs: delay, reason: (error as Error).message },
        `database not reachable yet; retrying in ${delay} ms`,
      );
      await sleep(delay);
    }
  }
}
