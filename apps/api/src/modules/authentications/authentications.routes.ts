import { loginPayload, refreshTokenPayload } from '@musicapp/types/authentications';
import { type RequestHandler, Router } from 'express';
import { jsonBody } from '../../http/json-body.js';
import { validate } from '../../http/validate.js';
import type { AuthenticationsService } from './authentications.service.js';

export function authenticationsRoutes(
  auth: AuthenticationsService,
  loginRateLimits: RequestHandler[],
): Router {
  const router = Router();

  router.post('/', jsonBody, ...loginRateLimits, async (req, res) => {
    const data = await auth.login(validate(loginPayload, req.body));
    res.status(201).json({ status: 'success', message: 'Logged in', data });
  });

  router.put('/', jsonBody, async (req, res) => {
    const { refreshToken } = validate(refreshTokenPayload, req.body);
    const accessToken = await auth.refresh(refreshToken);
    res.json({ status: 'success', message: 'Access token refreshed', data: { accessToken } });
  });

  router.delete('/', jsonBody, async (req, res) => {
    const { refreshToken } = validate(refreshTokenPayload, req.body);
    await auth.logout(refreshToken);
    res.json({ status: 'success', message: 'Logged out' });
  });

  return router;
}
