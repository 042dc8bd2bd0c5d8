'use server';

import { randomUUID } from 'node:crypto';
import { pluralise } from '@musicapp/types/common';
import {
  createReservationResponse,
  getReservationResponse,
  reservationPayload,
} from '@musicapp/types/reservations';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { callApi } from '../lib/api-client';
import { type FormState, fieldErrorsOf } from '../lib/form-state';
import { readSession } from '../lib/session';

/**
 * Reserves seats. The form carries an Idempotency-Key made when it was rendered, so a double submit or
 * a retry after a network error never books twice: the api answers the first result again.
 */
export async function reserve(_state: FormState, formData: FormData): Promise<FormState> {
  const showId = String(formData.get('showId') ?? '');
  const session = await readSession();
  if (!session) redirect(`/login?next=${encodeURIComponent(`/shows/${showId}`)}`);
  const parsed = reservationPayload.safeParse({ showId, seats: Number(formData.get('seats')) });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const key = String(formData.get('idempotencyKey') ?? '');
  const result = await callApi('/reservations', createReservationResponse.shape.data, {
    method: 'POST',
    body: parsed.data,
    accessToken: session.accessToken,
    ...(key ? { idempotencyKey: key } : {}),
  });
  if (!result.ok) {
    if (result.status === 401)
      redirect(`/login?next=${encodeURIComponent(`/shows/${showId}`)}&reason=expired`);
    // A refusal (too few seats left, over the per-person cap…) booked nothing: the next try, maybe with
    // another seat count, is a new request and needs a new key (the api answers a reused key with 422).
    // An unanswered or failed call keeps the key: it may have booked, and a retry must replay that.
    if (result.status >= 400 && result.status < 500) {
      return { message: result.message, idempotencyKey: randomUUID() };
    }
    return { message: result.message };
  }
  const { reservation } = result.data;
  revalidatePath(`/shows/${showId}`);
  revalidatePath('/reservations');
  return {
    success: `Reserved ${pluralise(reservation.seats, 'seat')}. Your code is ${reservation.code}.`,
  };
}

export async function cancelReservation(_state: FormState, formData: FormData): Promise<FormState> {
  const id = String(formData.get('reservationId') ?? '');
  const session = await readSession();
  if (!session) redirect('/login?next=/reservations');
  const result = await callApi(`/reservations/${encodeURIComponent(id)}`, getReservationResponse.shape.data, {
    method: 'DELETE',
    accessToken: session.accessToken,
  });
  if (!result.ok) return { message: result.message };
  revalidatePath('/reservations');
  revalidatePath(`/shows/${result.data.reservation.showId}`);
  return { success: `Reservation ${result.data.reservation.code} is cancelled; its seats are released.` };
}
