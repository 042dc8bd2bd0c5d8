import type { Role, UserPayload, UserSummary } from '@musicapp/types/users';
import bcrypt from 'bcrypt';
import type { Clock } from '../../clock.js';
import { InvalidInputError } from '../../errors.js';
import { newId } from '../ids.js';
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
     * Start-up bootstrap of the admin account from ADMIN_USERNAME/ADMIN_PASSWORD (a swarm secret):
     * - no user of that name: created, as admin;
     * - an admin of that name: its password follows ADMIN_PASSWORD, so changing the secret and deploying
     *   resets it (the README's recipe); when it changes, `endSessions` logs the admin out everywhere;
     * - an ordinary account of that name: left alone and reported, never promoted (whoever registered
     *   the name first would otherwise become admin, with their own password).
     * Safe when several replicas run it at once (each sets a valid hash of the same password).
     */
    async ensureAdmin(
      admin: { username: string; password: string; fullname: string },
      endSessions: (userId: string) => Promise<unknown> = async () => {},
    ): Promise<'created' | 'unchanged' | 'password-reset' | 'name-taken'> {
      const existing = await users.findByUsername(admin.username);
      if (!existing && (await create(admin, 'admin'))) return 'created';
      const user = existing ?? (await users.findByUsername(admin.username));
      if (!user) return 'unchanged'; // created by another replica and gone again: nothing to follow
      if (user.role !== 'admin') return 'name-taken';
      if (await bcrypt.compare(admin.password, user.passwordHash)) return 'unchanged';
      await users.setPasswordHash(user.id, await bcrypt.hash(admin.password, bcryptCost));
      await endSessions(user.id);
      return 'password-reset';
    },
  };
}

export type UsersService = ReturnType<typeof usersService>;
