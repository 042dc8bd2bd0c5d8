import { createHash, createSecretKey, randomBytes } from 'node:crypto';
import type { Role } from '@musicapp/types/users';
import jwt from 'jsonwebtoken';
import type { Clock } from '../../clock.js';
import { AuthenticationError } from '../../errors.js';
import type { Principal } from './principal.js';

export interface TokenSettings {
  accessTokenKey: string;
  refreshTokenKey: string;
  accessTokenAgeSeconds: number;
  refreshTokenAgeSeconds: number;
}

/** HS256 only: the algorithm is pinned on both sign and verify, so `alg: none` or RS/HS confusion fails. */
const ALGORITHM = 'HS256' as const;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Signs and verifies the two kinds of JWT. A token of one kind is never accepted as the other. */
export function tokenManager(settings: TokenSettings, clock: Clock) {
  const nowSeconds = () => Math.floor(clock() / 1000);
  // KeyObjects made once: given a string, jsonwebtoken first tries (and fails) to parse it as a PEM
  // public key on every call, which cost a quarter of the CPU of an authenticated request.
  const accessKey = createSecretKey(Buffer.from(settings.accessTokenKey, 'utf8'));
  const refreshKey = createSecretKey(Buffer.from(settings.refreshTokenKey, 'utf8'));

  return {
    signAccessToken(principal: Principal): string {
      return jwt.sign(
        { sub: principal.userId, role: principal.role, typ: 'access', iat: nowSeconds() },
        accessKey,
        { algorithm: ALGORITHM, expiresIn: settings.accessTokenAgeSeconds },
      );
    },

    signRefreshToken(userId: string): { token: string; expiresAt: number } {
      const iat = nowSeconds();
      const token = jwt.sign(
        { sub: userId, typ: 'refresh', jti: randomBytes(16).toString('base64url'), iat },
        refreshKey,
        { algorithm: ALGORITHM, expiresIn: settings.refreshTokenAgeSeconds },
      );
      return { token, expiresAt: (iat + settings.refreshTokenAgeSeconds) * 1000 };
    },

    verifyAccessToken(token: string): Principal {
      let payload: jwt.JwtPayload | string;
      try {
        payload = jwt.verify(token, accessKey, {
          algorithms: [ALGORITHM],
          clockTimestamp: nowSeconds(),
        });
      } catch (error) {
        if (error instanceof jwt.TokenExpiredError) {
          throw new AuthenticationError('Access token has expired; get a new one with PUT /authentications');
        }
        throw new AuthenticationError('Access token is invalid');
      }
      if (
        typeof payload === 'string' ||
        payload.typ !== 'access' ||
        typeof payload.sub !== 'string' ||
        (payload.role !== 'user' && payload.role !== 'admin')
      ) {
        throw new AuthenticationError('Access token is invalid');
      }
      return { userId: payload.sub, role: payload.role as Role };
    },

    /** The user id of a well-formed, unexpired refresh token, or null. */
    verifyRefreshToken(token: string): string | null {
      try {
        const payload = jwt.verify(token, refreshKey, {
          algorithms: [ALGORITHM],
          clockTimestamp: nowSeconds(),
        });
        if (typeof payload === 'string' || payload.typ !== 'refresh' || typeof payload.sub !== 'string')
          return null;
        return payload.sub;
      } catch {
        return null;
      }
    },
  };
}

export type TokenManager = ReturnType<typeof tokenManager>;
