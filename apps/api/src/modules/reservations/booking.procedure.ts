import type { Knex } from 'knex';
import { z } from 'zod';
import { isUniqueViolation } from '../../db/db-errors.js';
import {
  type BookingStrategy,
  KeyAlreadyUsed,
  MalformedOutcomeError,
  outcomeFromJson,
  type ReserveOutcome,
  reservedOutcome,
  TwinStillInFlight,
} from './booking.js';

const SOURCE = 'procedure reserve_seats';

/** mysql2 answers a CALL with [[rows of its SELECT, status], fields]; reserve_seats selects one row. */
const callAnswer = z.tuple(
  [z.tuple([z.tuple([z.object({ outcome: z.string() })])], z.unknown())],
  z.unknown(),
);

/** What reserve_seats answered, as a ReserveOutcome: its `outcome` column is the JSON text of one. */
export function outcomeFromProcedure(answer: unknown): ReserveOutcome {
  const parsed = callAnswer.safeParse(answer);
  if (!parsed.success) throw new MalformedOutcomeError(SOURCE, 'not one row with an `outcome` text');
  const [[[row]]] = parsed.data;
  return outcomeFromJson(row.outcome, SOURCE);
}

/**
 * MySQL/MariaDB: the same rule as booking.knex.ts, step for step, inside the server (procedure
 * reserve_seats, migrations 006 and 007), so the show row is locked for microseconds, not for round
 * trips to this process.
 */
export function bookInProcedure(db: Knex): BookingStrategy {
  return async (request, identity) => {
    const { userId, showId, seats, now, maxPerUser, claim } = request;
    try {
      const answer: unknown = await db.raw('call reserve_seats(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
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
      return outcomeFromProcedure(answer);
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
