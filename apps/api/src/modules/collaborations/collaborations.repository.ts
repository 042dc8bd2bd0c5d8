import type { Knex } from 'knex';
import { isUniqueViolation } from '../../db/db-errors.js';

export function collaborationsRepository(db: Knex) {
  return {
    /** Returns false when the user already collaborates on the playlist. */
    async insert(collaboration: {
      id: string;
      playlistId: string;
      userId: string;
      createdAt: number;
    }): Promise<boolean> {
      try {
        await db('collaborations').insert({
          id: collaboration.id,
          playlist_id: collaboration.playlistId,
          user_id: collaboration.userId,
          created_at: collaboration.createdAt,
        });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async remove(playlistId: string, userId: string): Promise<boolean> {
      return (await db('collaborations').where({ playlist_id: playlistId, user_id: userId }).delete()) > 0;
    },
  };
}

export type CollaborationsRepository = ReturnType<typeof collaborationsRepository>;
