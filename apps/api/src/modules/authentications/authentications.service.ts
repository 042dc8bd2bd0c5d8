import type { LoginData, LoginPayload } from '@musicapp/types/authentications';
import { username as registrableUsername } from '@musicapp/types/users';
import bcrypt from 'bcrypt';
import type { Clock } from '../../clock.js';
import { AuthenticationError, InvalidInputError } from '../../errors.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { hashToken, type TokenManager } from './token-manager.js';

export function authenticationsService(
  users: UsersRepository,
  sessions: RefreshTokensRepository,
  tokens: TokenManager,
  bcryptCost: number,
  clock: Clock,
) {
  // Compared against when the username does not exist, so both failures take the same time.
  const dummyHash = bcrypt.hash('not-a-real-password', bcryptCost);

  return {
    async login({ username, password }: LoginPayload): Promise<LoginData> {
      // `username` is canonical (the schema made it so). One that registration would refuse belongs to
      // nobody, and is never looked up: a database collation would match `ádmin` to `admin`.
      const user = registrableUsername.safeParse(username).success
        ? await users.findByUsername(username)
        : null;
      const matches = await bcrypt.compare(password, user?.passwordHash ?? (await dummyHash));
      if (!user || !matches) throw new AuthenticationError('Wrong username or password');

      const now = clock();
      const refresh = tokens.signRefreshToken(user.id);
      await sessions.removeExpired(user.id, now);
      await sessions.insert({
        tokenHash: hashToken(refresh.token),
        userId: user.id,
        expiresAt: refresh.expiresAt,
        createdAt: now,
      });
      return {
        accessToken: tokens.signAccessToken({ userId: user.id, role: user.role }),
        refreshToken: refresh.token,
      };
    },

    async refresh(refreshToken: string): Promise<string> {
      if (!tokens.verifyRefreshToken(refreshToken)) throw new InvalidInputError('Refresh token is invalid');
      const session = await sessions.findLive(hashToken(refreshToken), clock());
      if (!session)
        throw new InvalidInputError('Refresh token is no longer valid: it was logged out or revoked');
      return tokens.signAccessToken(session);
    },

    async logout(refreshToken: string): Promise<void> {
      if (!(await sessions.remove(hashToken(refreshToken)))) {
        throw new InvalidInputError('Refresh token is unknown or already logged out');
      }
    },
  };
}

export type AuthenticationsService = ReturnType<typeof authenticationsService>;
