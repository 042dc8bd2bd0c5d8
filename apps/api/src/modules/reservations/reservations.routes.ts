import { pageQuery } from '@musicapp/types/common';
import { idempotencyKey, reservationPayload } from '@musicapp/types/reservations';
import { type RequestHandler, Router } from 'express';
import { principalOf } from '../../http/authenticate.js';
import { jsonBody } from '../../http/json-body.js';
import { pathId, validate } from '../../http/validate.js';
import type { ReservationsService } from './reservations.service.js';

export function reservationsRoutes(reservations: ReservationsService, authenticated: RequestHandler): Router {
  const router = Router();
  router.use(authenticated);

  router.post('/', jsonBody, async (req, res) => {
    const payload = validate(reservationPayload, req.body);
    const key = req.get('Idempotency-Key');
    const { reservation, replayed } = await reservations.reserve(
      principalOf(req).userId,
      payload,
      key === undefined ? undefined : validate(idempotencyKey, key, 'header'),
    );
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(201).json({ status: 'success', message: 'Seats reserved', data: { reservation } });
  });

  router.get('/', async (req, res) => {
    const data = await reservations.listFor(principalOf(req).userId, validate(pageQuery, req.query, 'query'));
    res.json({ status: 'success', data });
  });

  router.get('/:id', async (req, res) => {
    const reservation = await reservations.get(pathId(req), principalOf(req).userId);
    res.json({ status: 'success', data: { reservation } });
  });

  router.delete('/:id', async (req, res) => {
    const reservation = await reservations.cancel(pathId(req), principalOf(req).userId);
    res.json({ status: 'success', message: 'Reservation cancelled', data: { reservation } });
  });

  return router;
}
