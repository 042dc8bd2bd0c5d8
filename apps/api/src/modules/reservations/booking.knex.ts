import type { Knex } from 'knex';
import { isUniqueViolation } from '../../db/db-errors.js';
import { isRetryableTransactionError } from '../../db/transaction-retry.js';
import {
  type BookingStrategy,
  checkedOutcome,
  KeyAlreadyUsed,
  type ReserveOutcome,
  reservedOutcome,
  TwinStillInFlight,
} from './booking.js';

/** Rows changed by a raw statement: mysql2 answers `[ResultSetHeader, …]`, better-sqlite3 `{ changes }`. */
function affectedRows(result: unknown): number {
  const header = Array.isArray(result) ? result[0] : result;
  const { affectedRows: mysql, changes: sqlite } = (header ?? {}) as {
    affectedRows?: number;
    changes?: number;
  };
  return Number(mysql ?? sqlite ?? 0);
}

/** Confirmed seats the user holds for the show. */
const heldSeats = (q: Knex | Knex.Transaction, showId: string, userId: string) =>
  q('reservations')
    .where({ show_id: showId, user_id: userId, status: 'confirmed' })
    .sum({ held: 'seats' })
    .first()
    .then((row) => Number(row?.held ?? 0));

/**
 * The booking rule as knex statements, portable to every database (the one SQLite uses). One
 * transaction, in this order so it cannot oversell or book twice:
 * 1. claim the Idempotency-Key (primary key: a twin on any replica waits here, then replays);
 * 2. one conditional UPDATE takes the seats only if the show has not started and has them left; its
 *    row lock makes the reservations of one show take turns until commit;
 * 3. insert the reservation if the fan stays within the per-show limit, in the same statement (after
 *    the parent row: no shared-lock upgrade deadlock; READ COMMITTED: the check takes no gap locks);
 * 4. commit. The show row stays locked for two round trips only: the insert and the commit.
 */
export function bookWithKnex(db: Knex): BookingStrategy {
  return (request, identity) => {
    const { userId, showId, seats, now, maxPerUser, claim } = request;
    const reserved = reservedOutcome(request, identity);
    return db.transaction(async (trx) => {
      if (claim) {
        try {
          await trx('idempotency_keys').insert({
            user_id: userId,
            idempotency_key: claim.key,
            request_hash: claim.requestHash,
            outcome: JSON.stringify(reserved),
            created_at: now,
          });
        } catch (error) {
          if (isUniqueViolation(error)) throw new KeyAlreadyUsed();
          if (isRetryableTransactionError(error)) throw new TwinStillInFlight();
          throw error;
        }
      }

      const taken = await trx('shows')
        .where('id', showId)
        .andWhere('starts_at', '>', now)
        .andWhereRaw('reserved + ? <= capacity', [seats])
        .increment('reserved', seats);

      let refusal: ReserveOutcome;
      if (taken === 1) {
        // Inserted only if the fan stays within the per-show limit: read under the show's row lock,
        // which every change to the fan's seats for this show also holds.
        const inserted = affectedRows(
          await trx.raw(
            `insert into reservations (id, code, show_id, user_id, seats, status, created_at)
             select ?, ?, ?, ?, ?, 'confirmed', ? from (select 1 as one) as single_row
             where (select coalesce(sum(r.seats), 0) from reservations r
                     where r.show_id = ? and r.user_id = ? and r.status = 'confirmed') + ? <= ?`,
            [identity.id, identity.code, showId, userId, seats, now, showId, userId, seats, maxPerUser],
          ),
        );
        if (inserted === 1) return reserved;
        await trx('shows').where('id', showId).decrement('reserved', seats);
        refusal = { kind: 'over-user-limit', held: await heldSeats(trx, showId, userId) };
      } else {
        const show: { starts_at: number | string; capacity: number; reserved: number } | undefined =
          await trx('shows').where('id', showId).first('starts_at', 'capacity', 'reserved');
        if (!show) refusal = { kind: 'show-not-found' };
        else if (Number(show.starts_at) <= now) refusal = { kind: 'show-started' };
        else refusal = { kind: 'sold-out', seatsLeft: show.capacity - show.reserved };
      }
      // Checked before it is stored: a malformed verdict rolls the attempt back instead of being kept.
      const outcome = checkedOutcome(refusal, 'the knex booking');
      // Refused: nothing was booked. Only the key keeps the verdict, so a retry hears the same.
      if (claim) {
        await trx('idempotency_keys')
          .where({ user_id: userId, idempotency_key: claim.key })
          .update({ outcome: JSON.stringify(outcome) });
      }
      return outcome;
    });
  };
}
