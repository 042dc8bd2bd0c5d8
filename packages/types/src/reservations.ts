import { z } from 'zod';
import { nextCursor, successEnvelope } from './common.js';

export const MAX_SEATS_PER_RESERVATION = 6;
/** A fan holds at most this many confirmed seats per show, over all their reservations. */
export const MAX_SEATS_PER_USER_PER_SHOW = 6;

export const reservationPayload = z.strictObject({
  showId: z.string({ error: 'showId must be a string' }).min(1, 'showId must not be empty').max(64),
  seats: z
    .number({ error: 'seats must be a number' })
    .int('seats must be a whole number')
    .min(1, 'seats must be at least 1')
    .max(MAX_SEATS_PER_RESERVATION, `seats must be at most ${MAX_SEATS_PER_RESERVATION}`),
});
export type ReservationPayload = z.infer<typeof reservationPayload>;

/** `Idempotency-Key` header: the same key from the same user never books twice. */
export const idempotencyKey = z
  .string()
  .min(1, 'Idempotency-Key must not be empty')
  .max(200, 'Idempotency-Key must be at most 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'Idempotency-Key must be printable ASCII without spaces');

/** The headers of `POST /reservations`. */
export const reservationHeaders = z.object({ 'Idempotency-Key': idempotencyKey.optional() });

export const reservationStatus = z.enum(['confirmed', 'cancelled']);

export const reservation = z.object({
  id: z.string(),
  code: z.string().describe('Short, unambiguous code shown to the fan'),
  showId: z.string(),
  seats: z.number().int(),
  status: reservationStatus,
  createdAt: z.string().describe('ISO 8601'),
});
export type Reservation = z.infer<typeof reservation>;

export const reservationShow = z.object({
  id: z.string(),
  title: z.string(),
  performer: z.string(),
  venue: z.string(),
  startsAt: z.string(),
});

export const reservationWithShow = reservation.extend({ show: reservationShow });
export type ReservationWithShow = z.infer<typeof reservationWithShow>;

export const createReservationResponse = successEnvelope(z.object({ reservation }));
export const getReservationResponse = successEnvelope(z.object({ reservation: reservationWithShow }));
export const listReservationsResponse = successEnvelope(
  z.object({ reservations: z.array(reservationWithShow), nextCursor }),
);
export type ListReservationsData = z.infer<typeof listReservationsResponse>['data'];
