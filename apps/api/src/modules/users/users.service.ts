import type { Role, UserPayload, UserSummary } from '@musicapp/types/users';
import bcrypt from 'bcrypt';
import type { Clock } from '../../clock.js';
import { newId } from '../../db/ids.js';
import { InvalidInputError } from '../../http/errors.js';
import type { UsersRepository } from './users.repository.js';

export function usersService(users: UsersRepository, bcryptCost: number, clock: Clock) {
  async function create(payload: UserPayload, role: Role): Promise<string | null> {
    const id = newId('user');
    const passwordHash = await bcrypt.hash(payload.password, bcryptCost);
    const created = await users.insert({ ...payload, id, passwordHash, role, createdAt: clock() });
    return created ? id : null;
  }

  return {
    async register(payload: UserPayload): Promise<string> {
      const id = await create(payload, 'user');
      if (!id) throw new InvalidInputError(`Username "${payload.username}" is already taken; choose another`);
      return id;
    },

    /** Who has this username (none or one), for adding a collaborator by name. */
    async lookup(username: string): Promise<UserSummary[]> {
      return users.findSummariesByUsername(username);
    },

    /**
     * Start-up bootstrap of the first admin from ADMIN_USERNAME/ADMIN_PASSWORD. An existing user of that
     * name is promoted (its password is left alone); safe when several replicas run it at once.
     */
    async ensureAdmin(admin: {
      username: string;
      password: string;
      fullname: string;
    }): Promise<'created' | 'promoted' | 'unchanged'> {
      const existing = await users.findByUsername(admin.username);
      if (!existing) {
        if (await create(admin, 'admin')) return 'created';
      }
      const user = existing ?? (await users.findByUsername(admin.username));
      if (!user || user.role === 'admin') return 'unchanged';
      await users.setRole(user.id, 'admin');
      return 'promoted';
    },
  };
}

export type UsersService = ReturnType<typeof usersService>;
