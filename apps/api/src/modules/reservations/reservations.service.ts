import { createHash } from 'node:crypto';
import { type PageQuery, pluralise } from '@musicapp/types/common';
import {
  MAX_SEATS_PER_USER_PER_SHOW,
  type Reservation,
  type ReservationPayload,
  type ReservationWithShow,
} from '@musicapp/types/reservations';
import type { Clock } from '../../clock.js';
import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '../../errors.js';
import { newId } from '../ids.js';
import { decodeCursor, toPage } from '../paging.js';
import { type ReserveOutcome, TwinStillInFlight } from './booking.js';
import { newReservationCode } from './reservation-code.js';
import type { ReservationsRepository, ReserveResult } from './reservations.repository.js';

/** The rules' verdict as the error the fan sees; the same verdict always reads the same. */
function settle(outcome: ReserveOutcome, showId: string): Reservation {
  switch (outcome.kind) {
    case 'reserved':
      return outcome.reservation;
    case 'show-not-found':
      throw new NotFoundError(`Show ${showId} not found`);
    case 'show-started':
      throw new InvalidInputError('This show has already started and can no longer be reserved');
    case 'sold-out':
      throw new ConflictError(
        outcome.seatsLeft === 0
          ? 'This show is sold out'
          : `Only ${pluralise(outcome.seatsLeft, 'seat')} left for this show`,
      );
    case 'over-user-limit':
      throw new ConflictError(
        `You already hold ${pluralise(outcome.held, 'seat')} for this show; the limit is ${MAX_SEATS_PER_USER_PER_SHOW} per person`,
      );
  }
}

export function reservationsService(reservations: ReservationsRepository, clock: Clock) {
  async function findOwn(id: string, userId: string) {
    const reservation = await reservations.findWithShow(id);
    // Another fan's reservation is answered exactly like a missing one: ids reveal nothing.
    if (!reservation || reservation.userId !== userId) throw new NotFoundError(`Reservation ${id} not found`);
    const { userId: _owner, ...visible } = reservation;
    return visible;
  }

  return {
    /**
     * Books the seats, or explains why not. With an Idempotency-Key the first result is stored in the
     * same transaction and every retry gets it back (`replayed: true`) without booking again.
     */
    async reserve(
      userId: string,
      payload: ReservationPayload,
      idempotencyKey?: string,
    ): Promise<{ reservation: Reservation; replayed: boolean }> {
      const requestHash = createHash('sha256')
        .update(JSON.stringify([payload.showId, payload.seats]))
        .digest('hex');
      const now = clock();
      let result: ReserveResult;
      try {
        result = await reservations.reserve(
          {
            userId,
            showId: payload.showId,
            seats: payload.seats,
            now,
            maxPerUser: MAX_SEATS_PER_USER_PER_SHOW,
            claim: idempotencyKey ? { key: idempotencyKey, requestHash } : undefined,
          },
          () => ({ id: newId('reservation'), code: newReservationCode() }),
        );
      } catch (error) {
        if (error instanceof TwinStillInFlight) {
          throw new ConflictError(
            'A request with this Idempotency-Key is still being processed; retry in a moment',
          );
        }
        throw error;
      }
      if (result.replayed && result.requestHash !== requestHash) {
        throw new UnprocessableError(
          'This Idempotency-Key was already used for a different reservation request',
        );
      }
      return { reservation: settle(result.outcome, payload.showId), replayed: result.replayed };
    },

    async listFor(userId: string, { limit, cursor }: PageQuery) {
      const after = cursor ? decodeCursor('reservations', cursor, ['integer', 'text']) : undefined;
      const rows = await reservations.listFor(userId, limit + 1, after);
      const page = toPage('reservations', rows, limit, (r) => [Date.parse(r.createdAt), r.id]);
      return { reservations: page.items, nextCursor: page.nextCursor };
    },

    get: findOwn,

    /** Cancels and returns the seats; cancelling again is harmless. After the show starts: 409. */
    async cancel(id: string, userId: string): Promise<ReservationWithShow> {
      const reservation = await findOwn(id, userId);
      if (reservation.status === 'confirmed') {
        const result = await reservations.cancel(reservation, clock());
        if (result === 'started') {
          throw new ConflictError(
            'This show has already started; its reservations can no longer be cancelled',
          );
        }
      }
      return { ...reservation, status: 'cancelled' };
    },
  };
}

export type ReservationsService = ReturnType<typeof reservationsService>;
