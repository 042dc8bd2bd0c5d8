import type { ReservationWithShow } from '@musicapp/types/reservations';
import type { Knex } from 'knex';
import { dialectOf } from '../../db/create-db.js';
import { isUniqueViolation } from '../../db/db-errors.js';
import { afterKey } from '../../db/keyset.js';
import { withTransactionRetry } from '../../db/transaction-retry.js';
import {
  type BookingRequest,
  type BookingStrategy,
  KeyAlreadyUsed,
  outcomeFromJson,
  type ReservationIdentity,
  type ReserveOutcome,
} from './booking.js';
import { bookWithKnex } from './booking.knex.js';
import { bookInProcedure } from './booking.procedure.js';

/** A first attempt, or the replay of the first result stored under the request's Idempotency-Key. */
export type ReserveResult =
  | { replayed: false; outcome: ReserveOutcome }
  | { replayed: true; requestHash: string; outcome: ReserveOutcome };

interface ReservationRow {
  id: string;
  code: string;
  show_id: string;
  seats: number;
  status: 'confirmed' | 'cancelled';
  created_at: number | string;
  user_id: string;
  title: string;
  performer: string;
  venue: string;
  starts_at: number | string;
}

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();

const toReservation = (row: ReservationRow): ReservationWithShow => ({
  id: row.id,
  code: row.code,
  showId: row.show_id,
  seats: row.seats,
  status: row.status,
  createdAt: iso(row.created_at),
  show: {
    id: row.show_id,
    title: row.title,
    performer: row.performer,
    venue: row.venue,
    startsAt: iso(row.starts_at),
  },
});

const WITH_SHOW = [
  'r.id',
  'r.code',
  'r.show_id',
  'r.seats',
  'r.status',
  'r.created_at',
  'r.user_id',
  's.title',
  's.performer',
  's.venue',
  's.starts_at',
];

/** MySQL/MariaDB book inside the server, where the show's row lock is shortest; SQLite through knex. */
const strategyFor = (db: Knex): BookingStrategy =>
  dialectOf(db) === 'mysql' ? bookInProcedure(db) : bookWithKnex(db);

/** `book` is chosen by the database client; a test may pass either strategy to compare them. */
export function reservationsRepository(db: Knex, book: BookingStrategy = strategyFor(db)) {
  return {
    /**
     * Books the seats, or says why not, retrying the whole attempt when the database broke a deadlock.
     * When the Idempotency-Key was used before, the first result is read back instead (`replayed`).
     */
    async reserve(request: BookingRequest, drawIdentity: () => ReservationIdentity): Promise<ReserveResult> {
      try {
        const outcome = await withTransactionRetry(async () => {
          // A fresh id and code per attempt: a (very unlikely) duplicate code is simply drawn again.
          for (let codeAttempt = 1; ; codeAttempt++) {
            try {
              return await book(request, drawIdentity());
            } catch (error) {
              if (!isUniqueViolation(error) || codeAttempt >= 3) throw error;
            }
          }
        });
        return { replayed: false, outcome };
      } catch (error) {
        if (!(error instanceof KeyAlreadyUsed) || !request.claim) throw error;
        const row: { request_hash: string; outcome: string } | undefined = await db('idempotency_keys')
          .where({ user_id: request.userId, idempotency_key: request.claim.key })
          .first('request_hash', 'outcome');
        if (!row) throw error;
        return {
          replayed: true,
          requestHash: row.request_hash,
          outcome: outcomeFromJson(row.outcome, 'the outcome stored under the Idempotency-Key'),
        };
      }
    },

    async findWithShow(id: string): Promise<(ReservationWithShow & { userId: string }) | null> {
      const row: ReservationRow | undefined = await db('reservations as r')
        .join('shows as s', 's.id', 'r.show_id')
        .where('r.id', id)
        .first(WITH_SHOW);
      return row ? { ...toReservation(row), userId: row.user_id } : null;
    },

    /** The user's reservations, newest first, keyset-paged on (created_at, id) descending. */
    async listFor(
      userId: string,
      limit: number,
      after?: (string | number)[],
    ): Promise<ReservationWithShow[]> {
      const query = db('reservations as r')
        .join('shows as s', 's.id', 'r.show_id')
        .where('r.user_id', userId)
        .orderBy([
          { column: 'r.created_at', order: 'desc' },
          { column: 'r.id', order: 'desc' },
        ])
        .limit(limit)
        .select(WITH_SHOW);
      if (after) afterKey(query, ['r.created_at', 'r.id'], after, 'desc');
      return (await query).map(toReservation);
    },

    /**
     * Cancels a confirmed reservation and returns its seats, locking the show row first like `reserve`
     * does (one lock order: no deadlock between the two).
     */
    async cancel(
      reservation: { id: string; showId: string; seats: number },
      now: number,
    ): Promise<'cancelled' | 'started' | 'already-cancelled'> {
      return withTransactionRetry(() =>
        db.transaction(async (trx) => {
          const show: { starts_at: number | string } | undefined = await trx('shows')
            .where('id', reservation.showId)
            .forUpdate()
            .first('starts_at');
          if (!show || Number(show.starts_at) <= now) return 'started';
          const cancelled = await trx('reservations')
            .where({ id: reservation.id, status: 'confirmed' })
            .update({ status: 'cancelled', cancelled_at: now });
          if (cancelled === 0) return 'already-cancelled'; // a concurrent cancel got there first
          await trx('shows').where('id', reservation.showId).decrement('reserved', reservation.seats);
          return 'cancelled';
        }),
      );
    },

    /** Idempotency keys are kept at least `keepMs`; older ones are removed. */
    async removeIdempotencyKeysBefore(cutoff: number): Promise<number> {
      return db('idempotency_keys').where('created_at', '<', cutoff).delete();
    },
  };
}

export type ReservationsRepository = ReturnType<typeof reservationsRepository>;
