import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Clock } from './clock.js';
import { refreshTokensRepository } from './modules/authentications/refresh-tokens.repository.js';
import { reservationsRepository } from './modules/reservations/reservations.repository.js';

/** Idempotency keys are promised for 24 h; they are kept twice that. */
export const IDEMPOTENCY_KEY_RETENTION_MS = 48 * 3600_000;
const EVERY_MS = 3600_000;

/** Removes idempotency keys past their retention and expired refresh tokens; returns what it removed. */
export async function runHousekeeping(db: Knex, now: number) {
  const idempotencyKeys = await reservationsRepository(db).removeIdempotencyKeysBefore(
    now - IDEMPOTENCY_KEY_RETENTION_MS,
  );
  const refreshTokens = await refreshTokensRepository(db).removeAllExpired(now);
  return { idempotencyKeys, refreshTokens };
}

/**
 * Hourly clean-up of rows that only expire: old idempotency keys and expired refresh tokens. Every
 * replica runs it; the deletes are idempotent, so overlapping runs do no harm.
 */
export function startHousekeeping(db: Knex, logger: Logger, clock: Clock): () => void {
  const run = async () => {
    try {
      const removed = await runHousekeeping(db, clock());
      if (removed.idempotencyKeys + removed.refreshTokens > 0)
        logger.info(removed, 'housekeeping removed expired rows');
    } catch (error) {
      logger.warn({ err: error }, 'housekeeping failed; will retry in an hour');
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
