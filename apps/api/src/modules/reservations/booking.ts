import { reservation } from '@musicapp/types/reservations';
import { z } from 'zod';

/**
 * The booking contract. The rule "take the seats, or say why not" runs in one of two strategies:
 * booking.knex.ts (knex statements; SQLite) and booking.procedure.ts (the stored procedure
 * reserve_seats; MySQL/MariaDB). Both take a BookingRequest and answer a ReserveOutcome that has been
 * parsed through `reserveOutcome`, so neither can hand the service a value of another shape.
 */

/**
 * A number of seats. MariaDB's JSON_OBJECT writes an INT variable of the procedure as a string ("6"),
 * and outcomes stored that way are replayed later, so a count may also come as its decimal digits.
 */
const seatCount = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
]);

/** What a reservation attempt came to; an Idempotency-Key stores it as the first result. */
export const reserveOutcome = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('reserved'),
    reservation: reservation.extend({ status: z.literal('confirmed') }),
  }),
  z.object({ kind: z.literal('show-not-found') }),
  z.object({ kind: z.literal('show-started') }),
  z.object({ kind: z.literal('sold-out'), seatsLeft: seatCount }),
  z.object({ kind: z.literal('over-user-limit'), held: seatCount }),
]);
export type ReserveOutcome = z.infer<typeof reserveOutcome>;

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

/** A strategy answered something that is not a ReserveOutcome: a bug on our side, never the fan's (500). */
export class MalformedOutcomeError extends Error {
  override name = 'MalformedOutcomeError';
  constructor(source: string, problem: string) {
    super(`${source} answered a malformed booking outcome: ${problem}`);
  }
}

/** `value` as a ReserveOutcome, or a MalformedOutcomeError naming `source` and what is wrong. */
export function checkedOutcome(value: unknown, source: string): ReserveOutcome {
  const parsed = reserveOutcome.safeParse(value);
  if (!parsed.success) throw new MalformedOutcomeError(source, z.prettifyError(parsed.error));
  return parsed.data;
}

/** The JSON text of a ReserveOutcome (as stored under a key or answered by the procedure), parsed. */
export function outcomeFromJson(text: string, source: string): ReserveOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedOutcomeError(source, `not JSON: ${text.slice(0, 80)}`);
  }
  return checkedOutcome(value, source);
}

/** The outcome of a successful attempt, built before the attempt so the key can store it up front. */
export const reservedOutcome = (request: BookingRequest, identity: ReservationIdentity): ReserveOutcome =>
  checkedOutcome(
    {
      kind: 'reserved',
      reservation: {
        id: identity.id,
        code: identity.code,
        showId: request.showId,
        seats: request.seats,
        status: 'confirmed',
        createdAt: new Date(request.now).toISOString(),
      },
    },
    'the booking request',
  );
