import { userPayload } from '@musicapp/types/users';
import { Router } from 'express';
import { jsonBody } from '../../http/json-body.js';
import { validate } from '../../http/validate.js';
import type { UsersService } from './users.service.js';

export function usersRoutes(users: UsersService): Router {
  const router = Router();

  router.post('/', jsonBody, async (req, res) => {
    const userId = await users.register(validate(userPayload, req.body));
    res.status(201).json({ status: 'success', message: 'User added', data: { userId } });
  });

  return router;
}
