import type { CollaborationPayload } from '@musicapp/types/collaborations';
import type { Clock } from '../../clock.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors.js';
import { newId } from '../ids.js';
import type { PlaylistsService } from '../playlists/playlists.service.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { CollaborationsRepository } from './collaborations.repository.js';

export function collaborationsService(
  collaborations: CollaborationsRepository,
  playlists: PlaylistsService,
  users: UsersRepository,
  clock: Clock,
) {
  return {
    async add({ playlistId, userId }: CollaborationPayload, ownerId: string): Promise<string> {
      await playlists.assertAccess(playlistId, ownerId, 'owner');
      if (!(await users.exists(userId))) throw new NotFoundError(`User ${userId} not found`);
      if (userId === ownerId)
        throw new InvalidInputError('The owner of a playlist cannot also be its collaborator');
      const id = newId('collab');
      if (!(await collaborations.insert({ id, playlistId, userId, createdAt: clock() }))) {
        throw new ConflictError(`User ${userId} already collaborates on this playlist`);
      }
      return id;
    },

    async remove({ playlistId, userId }: CollaborationPayload, ownerId: string): Promise<void> {
      await playlists.assertAccess(playlistId, ownerId, 'owner');
      if (!(await users.exists(userId))) throw new NotFoundError(`User ${userId} not found`);
      if (!(await collaborations.remove(playlistId, userId))) {
        throw new NotFoundError(`User ${userId} does not collaborate on this playlist`);
      }
    },
  };
}

export type CollaborationsService = ReturnType<typeof collaborationsService>;
