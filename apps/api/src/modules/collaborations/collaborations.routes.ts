import { collaborationPayload, createCollaborationResponse } from '@musicapp/types/collaborations';
import { principalOf } from '../../http/authenticate.js';
import { type RouteDeclaration, route } from '../../routes/route.js';
import type { CollaborationsService } from './collaborations.service.js';

/** A playlist's owner adds and removes its collaborators. */
export function collaborationsRoutes(collaborations: CollaborationsService): RouteDeclaration[] {
  return [
    route({
      method: 'post',
      path: '/collaborations',
      access: 'owner',
      summary: "Add a collaborator (the playlist's owner only)",
      body: collaborationPayload,
      status: 201,
      response: createCollaborationResponse,
      errors: [404, 409],
      handler: async ({ body }, req, res) => {
        const collaborationId = await collaborations.add(body, principalOf(req).userId);
        res.json({ status: 'success', message: 'Collaborator added', data: { collaborationId } });
      },
    }),
    route({
      method: 'delete',
      path: '/collaborations',
      access: 'owner',
      summary: "Remove a collaborator (the playlist's owner only)",
      body: collaborationPayload,
      errors: [404],
      handler: async ({ body }, req, res) => {
        await collaborations.remove(body, principalOf(req).userId);
        res.json({ status: 'success', message: 'Collaborator removed' });
      },
    }),
  ];
}
