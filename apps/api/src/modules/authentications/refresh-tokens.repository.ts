import type { Role } from '@musicapp/types/users';
import type { Knex } from 'knex';

export function refreshTokensRepository(db: Knex) {
  return {
    async insert(session: {
      tokenHash: string;
      userId: string;
      expiresAt: number;
      createdAt: number;
    }): Promise<void> {
      await db('refresh_tokens').insert({
        token_hash: session.tokenHash,
        user_id: session.userId,
        expires_at: session.expiresAt,
        created_at: session.createdAt,
      });
    },

    /** The live session of a token hash with its user's current role, or null if revoked or expired. */
    async findLive(tokenHash: string, now: number): Promise<{ userId: string; role: Role } | null> {
      const row: { user_id: string; role: Role } | undefined = await db('refresh_tokens as t')
        .join('users as u', 'u.id', 't.user_id')
        .where('t.token_hash', tokenHash)
        .andWhere('t.expires_at', '>', now)
        .first('t.user_id', 'u.role');
      return row ? { userId: row.user_id, role: row.role } : null;
    },

    async remove(tokenHash: string): Promise<boolean> {
      return (await db('refresh_tokens').where({ token_hash: tokenHash }).delete()) > 0;
    },

    /** Ends every session of a user (their password was reset). */
    async removeAllOf(userId: string): Promise<number> {
      return db('refresh_tokens').where({ user_id: userId }).delete();
    },

    async removeAllExpired(now: number): Promise<number> {
      return db('refresh_tokens').where('expires_at', '<=', now).delete();
    },

    async removeExpired(userId: string, now: number): Promise<void> {
      await db('refresh_tokens').where({ user_id: userId }).andWhere('expires_at', '<=', now).delete();
    },
  };
}

export type RefreshTokensRepository = ReturnType<typeof refreshTokensRepository>;
