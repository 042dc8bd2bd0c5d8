'use server';

import { randomUUID } from 'node:crypto';
import { pluralise } from '@musicapp/types/common';
import {
  createReservationResponse,
  getReservationResponse,
  reservationPayload,
} from '@musicapp/types/reservations';
import { revalidatePath } from 'next/cache';
import { fieldErrorsOf, textField } from '@/lib/form-state';
import { guardedAction } from '@/lib/guarded-action';

const showPath = (showId: string) => `/shows/${encodeURIComponent(showId)}`;

/**
 * Reserves seats. The form carries an Idempotency-Key made when it was rendered, so a double submit or
 * a retry after a network error never books twice: the api answers the first result again.
 */
export const reserve = guardedAction(
  (formData) => ({ returnTo: showPath(textField(formData, 'showId')) }),
  async ({ formData, call, refuse }) => {
    const showId = textField(formData, 'showId');
    const parsed = reservationPayload.safeParse({ showId, seats: Number(formData.get('seats')) });
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
    const key = textField(formData, 'idempotencyKey');
    const result = await call('/reservations', createReservationResponse.shape.data, {
      method: 'POST',
      body: parsed.data,
      ...(key ? { idempotencyKey: key } : {}),
    });
    if (!result.ok) {
      // A refusal (too few seats left, over the per-person cap…) booked nothing: the next try, maybe with
      // another seat count, is a new request and needs a new key (the api answers a reused key with 422).
      // An unanswered or failed call keeps the key: it may have booked, and a retry must replay that.
      const refused = refuse(result);
      return result.status < 500 ? { ...refused, idempotencyKey: randomUUID() } : refused;
    }
    const { reservation } = result.data;
    revalidatePath(showPath(showId));
    revalidatePath('/reservations');
    return { success: `Reserved ${pluralise(reservation.seats, 'seat')}. Your code is ${reservation.code}.` };
  },
);

export const cancelReservation = guardedAction(
  { returnTo: '/reservations' },
  async ({ formData, call, refuse }) => {
    const id = textField(formData, 'reservationId');
    const result = await call(`/reservations/${encodeURIComponent(id)}`, getReservationResponse.shape.data, {
      method: 'DELETE',
    });
    if (!result.ok) return refuse(result);
    const { reservation } = result.data;
    revalidatePath('/reservations');
    revalidatePath(showPath(reservation.showId));
    return { success: `Reservation ${reservation.code} is cancelled; its seats are released.` };
  },
);
