import { pageQuery } from '@musicapp/types/common';
import {
  createReservationResponse,
  getReservationResponse,
  listReservationsResponse,
  reservationHeaders,
  reservationPayload,
} from '@musicapp/types/reservations';
import { type RouteDeclaration, route } from '../../routes/route.js';
import type { ReservationsService } from './reservations.service.js';

/** A fan's own reservations: another fan's reservation is answered exactly like a missing one. */
export function reservationsRoutes(reservations: ReservationsService): RouteDeclaration[] {
  return [
    route({
      method: 'post',
      path: '/reservations',
      access: 'user',
      summary: 'Reserve 1–6 seats; the same Idempotency-Key never books twice and replays the first result',
      body: reservationPayload,
      headers: reservationHeaders,
      status: 201,
      response: createReservationResponse,
      errors: [404, 409, 422],
      handler: async ({ body, headers, principal }) => {
        const { reservation, replayed } = await reservations.reserve(
          principal.userId,
          body,
          headers['Idempotency-Key'],
        );
        return {
          message: 'Seats reserved',
          data: { reservation },
          ...(replayed ? { headers: { 'Idempotent-Replayed': 'true' } } : {}),
        };
      },
    }),
    route({
      method: 'get',
      path: '/reservations',
      access: 'user',
      summary: 'My reservations with their shows, newest first (paged)',
      query: pageQuery,
      response: listReservationsResponse,
      handler: async ({ query, principal }) => ({
        data: await reservations.listFor(principal.userId, query),
      }),
    }),
    route({
      method: 'get',
      path: '/reservations/:id',
      access: 'owner',
      othersGet: 404,
      summary: 'One of my reservations (another fan’s is 404)',
      response: getReservationResponse,
      errors: [404],
      handler: async ({ params, principal }) => ({
        data: { reservation: await reservations.get(params.id, principal.userId) },
      }),
    }),
    route({
      method: 'delete',
      path: '/reservations/:id',
      access: 'owner',
      othersGet: 404,
      summary: 'Cancel: seats return to the show; repeating is harmless; 409 once the show started',
      response: getReservationResponse,
      errors: [404, 409],
      handler: async ({ params, principal }) => ({
        message: 'Reservation cancelled',
        data: { reservation: await reservations.cancel(params.id, principal.userId) },
      }),
    }),
  ];
}
