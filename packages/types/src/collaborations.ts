import { z } from 'zod';
import { successEnvelope } from './common.js';

export const collaborationPayload = z.strictObject({
  playlistId: z
    .string({ error: 'playlistId must be a string' })
    .min(1, 'playlistId must not be empty')
    .max(64),
  userId: z.string({ error: 'userId must be a string' }).min(1, 'userId must not be empty').max(64),
});
export type CollaborationPayload = z.infer<typeof collaborationPayload>;

export const createCollaborationResponse = successEnvelope(z.object({ collaborationId: z.string() }));
