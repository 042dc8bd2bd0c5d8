import type { Reservation } from '@musicapp/types/reservations';

/**
 * The booking contract. The rule "take the seats, or say why not" runs in one of two strategies:
 * booking.knex.ts (knex statements; SQLite) and booking.procedure.ts (the stored procedure
 * reserve_seats; MySQL/MariaDB). Both take a BookingRequest and answer a ReserveOutcome.
 */

/** What a reservation attempt came to; an Idempotency-Key stores it as the first result. */
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

/**
 * One attempt in one transaction. Throws KeyAlreadyUsed when the request's Idempotency-Key was taken
 * first, TwinStillInFlight when its holder has not committed in time, and the driver's unique violation
 * when the drawn code already exists.
 */
export type BookingStrategy = (
  request: BookingRequest,
  identity: ReservationIdentity,
) => Promise<ReserveOutcome>;

/** The Idempotency-Key is already taken: the first result is replayed. */
export class KeyAlreadyUsed extends Error {}
/** The twin request holding the key has not committed within the lock wait. */
export class TwinStillInFlight extends Error {}

/** The outcome of a successful attempt, built before the attempt so the key can store it up front. */
export const reservedOutcome = (request: BookingRequest, identity: ReservationIdentity): ReserveOutcome => ({
  kind: 'reserved',
  reservation: {
    id: identity.id,
    code: identity.code,
    showId: request.showId,
    seats: request.seats,
    status: 'confirmed',
    createdAt: new Date(request.now).toISOString(),
  },
});
