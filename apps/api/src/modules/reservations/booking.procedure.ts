import type { Knex } from 'knex';
import { isUniqueViolation } from '../../db/db-errors.js';
import {
  type BookingStrategy,
  KeyAlreadyUsed,
  type ReserveOutcome,
  reservedOutcome,
  TwinStillInFlight,
} from './booking.js';

/**
 * MySQL/MariaDB: the same rule as booking.knex.ts, step for step, inside the server (procedure
 * reserve_seats, migrations 006 and 007), so the show row is locked for microseconds, not for round
 * trips to this process.
 */
export function bookInProcedure(db: Knex): BookingStrategy {
  return async (request, identity) => {
    const { userId, showId, seats, now, maxPerUser, claim } = request;
    try {
      const result = await db.raw('call reserve_seats(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        identity.id,
        identity.code,
        showId,
        userId,
        seats,
        now,
        maxPerUser,
        claim?.key ?? null,
        claim?.requestHash ?? null,
        JSON.stringify(reservedOutcome(request, identity)),
      ]);
      // mysql2 answers a CALL with [[rows of its SELECT, status], fields].
      const row = (result as [[{ outcome: string }[]]])[0][0][0];
      if (!row) throw new Error('reserve_seats answered no outcome');
      return JSON.parse(row.outcome) as ReserveOutcome;
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      if (message.includes('IDEMPOTENCY_KEY_IN_FLIGHT')) throw new TwinStillInFlight();
      // A duplicate reservation code is drawn again by the caller; any other duplicate is the key.
      if (claim && isUniqueViolation(error) && !message.includes('reservations_code_unique'))
        throw new KeyAlreadyUsed();
      throw error;
    }
  };
}
