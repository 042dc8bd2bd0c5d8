import { collaborationPayload, createCollaborationResponse } from '@musicapp/types/collaborations';
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
      handler: async ({ body, principal }) => ({
        message: 'Collaborator added',
        data: { collaborationId: await collaborations.add(body, principal.userId) },
      }),
    }),
    route({
      method: 'delete',
      path: '/collaborations',
      access: 'owner',
      summary: "Remove a collaborator (the playlist's owner only)",
      body: collaborationPayload,
      errors: [404],
      handler: async ({ body, principal }) => {
        await collaborations.remove(body, principal.userId);
        return { message: 'Collaborator removed' };
      },
    }),
  ];
}
