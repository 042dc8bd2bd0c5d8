import type { Role, UserSummary } from '@musicapp/types/users';
import type { Knex } from 'knex';
import { isUniqueViolation } from '../../db/db-errors.js';

export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  fullname: string;
  role: Role;
}

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  fullname: string;
  role: Role;
}

const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  username: row.username,
  passwordHash: row.password_hash,
  fullname: row.fullname,
  role: row.role,
});

export function usersRepository(db: Knex) {
  return {
    /** Inserts the user; returns false when the username is taken (the unique index decides, race-free). */
    async insert(user: UserRecord & { createdAt: number }): Promise<boolean> {
      try {
        await db('users').insert({
          id: user.id,
          username: user.username,
          password_hash: user.passwordHash,
          fullname: user.fullname,
          role: user.role,
          created_at: user.createdAt,
        });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async findByUsername(username: string): Promise<UserRecord | null> {
      const row: UserRow | undefined = await db('users')
        .where({ username })
        .first('id', 'username', 'password_hash', 'fullname', 'role');
      return row ? toUser(row) : null;
    },

    /**
     * Users with exactly this username, as the column's collation compares (case-insensitive on MySQL,
     * exact on SQLite). The unique index makes it at most one row and a single index read.
     */
    async findSummariesByUsername(username: string): Promise<UserSummary[]> {
      return db('users').where({ username }).select('id', 'username', 'fullname').limit(1);
    },

    async exists(id: string): Promise<boolean> {
      return Boolean(await db('users').where({ id }).first('id'));
    },

    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await db('users').where({ id }).update({ password_hash: passwordHash });
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
