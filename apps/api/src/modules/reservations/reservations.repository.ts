import type { Reservation, ReservationWithShow } from '@musicapp/types/reservations';
import type { Knex } from 'knex';
import { afterKey } from '../../db/cursor.js';
import { isUniqueViolation } from '../../db/db-errors.js';
import { isRetryableTransactionError, withTransactionRetry } from '../../db/transaction-retry.js';

/** What a reservation attempt came to; stored as the first result of an Idempotency-Key. */
export type ReserveOutcome =
  | { kind: 'reserved'; reservation: Reservation }
  | { kind: 'show-not-found' }
  | { kind: 'show-started' }
  | { kind: 'sold-out'; seatsLeft: number }
  | { kind: 'over-user-limit'; held: number };

export interface NewReservation {
  id: string;
  code: string;
  showId: string;
  userId: string;
  seats: number;
  createdAt: number;
}

export interface IdempotencyClaim {
  key: string;
  requestHash: string;
}

export type ReserveResult =
  | { replayed: false; outcome: ReserveOutcome }
  | { replayed: true; requestHash: string; outcome: ReserveOutcome };

/** Raised inside the transaction when the Idempotency-Key is already taken: the first result is replayed. */
class KeyAlreadyUsed extends Error {}
/** The twin request holding the key has not committed within the lock wait. */
export class TwinStillInFlight extends Error {}

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

export function reservationsRepository(db: Knex) {
  const heldSeats = (q: Knex | Knex.Transaction, showId: string, userId: string) =>
    q('reservations')
      .where({ show_id: showId, user_id: userId, status: 'confirmed' })
      .sum({ held: 'seats' })
      .first()
      .then((row) => Number(row?.held ?? 0));

  /**
   * One transaction, in this order so it cannot oversell or book twice:
   * 1. claim the Idempotency-Key (primary key: a twin on any replica waits here, then replays);
   * 2. one conditional UPDATE takes the seats only if the show has not started and has them left; its
   *    row lock makes the reservations of one show take turns until commit;
   * 3. under that lock, a plain (non-locking, so gap-lock free) read of the fan's seats for the show
   *    enforces the per-fan limit: every change to them holds the same lock;
   * 4. insert the reservation (after the parent row: no shared-lock upgrade deadlock), commit.
   */
  async function attempt(
    reservation: NewReservation,
    now: number,
    maxPerUser: number,
    claim?: IdempotencyClaim,
  ) {
    const reserved: ReserveOutcome = {
      kind: 'reserved',
      reservation: {
        id: reservation.id,
        code: reservation.code,
        showId: reservation.showId,
        seats: reservation.seats,
        status: 'confirmed',
        createdAt: iso(reservation.createdAt),
      },
    };
    return db.transaction(async (trx) => {
      if (claim) {
        try {
          await trx('idempotency_keys').insert({
            user_id: reservation.userId,
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
        .where('id', reservation.showId)
        .andWhere('starts_at', '>', now)
        .andWhereRaw('reserved + ? <= capacity', [reservation.seats])
        .increment('reserved', reservation.seats);

      let outcome: ReserveOutcome;
      if (taken === 1) {
        const held = await heldSeats(trx, reservation.showId, reservation.userId);
        if (held + reservation.seats <= maxPerUser) {
          await trx('reservations').insert({
            id: reservation.id,
            code: reservation.code,
            show_id: reservation.showId,
            user_id: reservation.userId,
            seats: reservation.seats,
            status: 'confirmed',
            created_at: reservation.createdAt,
          });
          return reserved;
        }
        await trx('shows').where('id', reservation.showId).decrement('reserved', reservation.seats);
        outcome = { kind: 'over-user-limit', held };
      } else {
        const show: { starts_at: number | string; capacity: number; reserved: number } | undefined =
          await trx('shows').where('id', reservation.showId).first('starts_at', 'capacity', 'reserved');
        if (!show) outcome = { kind: 'show-not-found' };
        else if (Number(show.starts_at) <= now) outcome = { kind: 'show-started' };
        else outcome = { kind: 'sold-out', seatsLeft: show.capacity - show.reserved };
      }
      // Refused: nothing was booked. Only the key keeps the verdict, so a retry hears the same.
      if (claim) {
        await trx('idempotency_keys')
          .where({ user_id: reservation.userId, idempotency_key: claim.key })
          .update({ outcome: JSON.stringify(outcome) });
      }
      return outcome;
    });
  }

  return {
    heldSeats: (showId: string, userId: string) => heldSeats(db, showId, userId),

    async reserve(
      newReservation: () => NewReservation,
      now: number,
      maxPerUser: number,
      claim?: IdempotencyClaim,
    ): Promise<ReserveResult> {
      try {
        const outcome = await withTransactionRetry(async () => {
          // A fresh id and code per attempt: a (very unlikely) duplicate code is simply drawn again.
          for (let codeAttempt = 1; ; codeAttempt++) {
            const reservation = newReservation();
            try {
              return await attempt(reservation, now, maxPerUser, claim);
            } catch (error) {
              if (!isUniqueViolation(error) || codeAttempt >= 3) throw error;
            }
          }
        });
        return { replayed: false, outcome };
      } catch (error) {
        if (!(error instanceof KeyAlreadyUsed) || !claim) throw error;
        const { userId } = newReservation();
        const row: { request_hash: string; outcome: string } | undefined = await db('idempotency_keys')
          .where({ user_id: userId, idempotency_key: claim.key })
          .first('request_hash', 'outcome');
        if (!row) throw error;
        return {
          replayed: true,
          requestHash: row.request_hash,
          outcome: JSON.parse(row.outcome) as ReserveOutcome,
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
