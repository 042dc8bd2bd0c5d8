import type { Reservation, ReservationWithShow } from '@musicapp/types/reservations';
import type { Knex } from 'knex';
import { dialectOf } from '../../db/create-db.js';
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

export interface IdempotencyClaim {
  key: string;
  requestHash: string;
}

/** One request to book, with the user named explicitly. */
export interface BookingRequest {
  userId: string;
  showId: string;
  seats: number;
  /** The request's moment: the reservation's createdAt, and the time a show counts as started. */
  now: number;
  /** Confirmed seats one user may hold for one show, over all their reservations. */
  maxPerUser: number;
  claim?: IdempotencyClaim;
}

/** Drawn afresh for every attempt, so a (very unlikely) duplicate code is simply drawn again. */
export interface ReservationIdentity {
  id: string;
  code: string;
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

/** Rows changed by a raw statement: mysql2 answers `[ResultSetHeader, …]`, better-sqlite3 `{ changes }`. */
function affectedRows(result: unknown): number {
  const header = Array.isArray(result) ? result[0] : result;
  const { affectedRows: mysql, changes: sqlite } = (header ?? {}) as {
    affectedRows?: number;
    changes?: number;
  };
  return Number(mysql ?? sqlite ?? 0);
}

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();

const reservedOutcome = (request: BookingRequest, identity: ReservationIdentity): ReserveOutcome => ({
  kind: 'reserved',
  reservation: {
    id: identity.id,
    code: identity.code,
    showId: request.showId,
    seats: request.seats,
    status: 'confirmed',
    createdAt: iso(request.now),
  },
});

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
   * 3. insert the reservation if the fan stays within the per-show limit, in the same statement (after
   *    the parent row: no shared-lock upgrade deadlock; READ COMMITTED: the check takes no gap locks);
   * 4. commit. The show row stays locked for two round trips only: the insert and the commit.
   */
  async function attemptWithKnex(request: BookingRequest, identity: ReservationIdentity) {
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

      let outcome: ReserveOutcome;
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
        outcome = { kind: 'over-user-limit', held: await heldSeats(trx, showId, userId) };
      } else {
        const show: { starts_at: number | string; capacity: number; reserved: number } | undefined =
          await trx('shows').where('id', showId).first('starts_at', 'capacity', 'reserved');
        if (!show) outcome = { kind: 'show-not-found' };
        else if (Number(show.starts_at) <= now) outcome = { kind: 'show-started' };
        else outcome = { kind: 'sold-out', seatsLeft: show.capacity - show.reserved };
      }
      // Refused: nothing was booked. Only the key keeps the verdict, so a retry hears the same.
      if (claim) {
        await trx('idempotency_keys')
          .where({ user_id: userId, idempotency_key: claim.key })
          .update({ outcome: JSON.stringify(outcome) });
      }
      return outcome;
    });
  }

  /**
   * MySQL/MariaDB: the same transaction inside the server (procedure reserve_seats, migration 006), so the
   * show row is locked for microseconds, not for round trips to this process.
   */
  async function attemptInProcedure(
    request: BookingRequest,
    identity: ReservationIdentity,
  ): Promise<ReserveOutcome> {
    const { userId, showId, seats, now, maxPerUser, claim } = request;
    const reserved = reservedOutcome(request, identity);
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
        JSON.stringify(reserved),
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
  }

  const attempt = dialectOf(db) === 'mysql' ? attemptInProcedure : attemptWithKnex;

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
              return await attempt(request, drawIdentity());
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
