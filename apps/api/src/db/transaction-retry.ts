import { setTimeout as sleep } from 'node:timers/promises';

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);

/** Deadlocks (1213), lock-wait timeouts (1205) and SQLite's busy: the whole transaction may be retried. */
export function isRetryableTransactionError(error: unknown): boolean {
  return Boolean(
    error && typeof error === 'object' && 'code' in error && RETRYABLE.has(error.code as string),
  );
}

/**
 * Runs a whole transaction again (a bounded number of times, with jittered backoff) when the database
 * aborted it to break a deadlock or a lock wait. The work must be safe to repeat: it is a transaction.
 */
export async function withTransactionRetry<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      await sleep(attempt * (5 + Math.random() * 20));
    }
  }
}
