import { collaborationPayload } from '@musicapp/types/collaborations';
import { type RequestHandler, Router } from 'express';
import { principalOf } from '../../http/authenticate.js';
import { jsonBody } from '../../http/json-body.js';
import { validate } from '../../http/validate.js';
import type { CollaborationsService } from './collaborations.service.js';

export function collaborationsRoutes(
  collaborations: CollaborationsService,
  authenticated: RequestHandler,
): Router {
  const router = Router();
  router.use(authenticated);

  router.post('/', jsonBody, async (req, res) => {
    const collaborationId = await collaborations.add(
      validate(collaborationPayload, req.body),
      principalOf(req).userId,
    );
    res.status(201).json({ status: 'success', message: 'Collaborator added', data: { collaborationId } });
  });

  router.delete('/', jsonBody, async (req, res) => {
    await collaborations.remove(validate(collaborationPayload, req.body), principalOf(req).userId);
    res.json({ status: 'success', message: 'Collaborator removed' });
  });

  return router;
}
