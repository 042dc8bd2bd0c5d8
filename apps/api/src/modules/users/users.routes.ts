import { userLookupQuery, userPayload } from '@musicapp/types/users';
import { type RequestHandler, Router } from 'express';
import { jsonBody } from '../../http/json-body.js';
import { validate } from '../../http/validate.js';
import type { UsersService } from './users.service.js';

export function usersRoutes(
  users: UsersService,
  authenticated: RequestHandler,
  registrationLimit: RequestHandler,
): Router {
  const router = Router();

  router.post('/', registrationLimit, jsonBody, async (req, res) => {
    const userId = await users.register(validate(userPayload, req.body));
    res.status(201).json({ status: 'success', message: 'User added', data: { userId } });
  });

  /** Logged-in users find each other by exact username (to add a collaborator); never a listing. */
  router.get('/', authenticated, async (req, res) => {
    const { username } = validate(userLookupQuery, req.query, 'query');
    res.json({ status: 'success', data: { users: await users.lookup(username) } });
  });

  return router;
}
