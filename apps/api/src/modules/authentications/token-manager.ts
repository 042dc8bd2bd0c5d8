import { createHash, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import type { Role } from '@musicapp/types/users';
import jwt from 'jsonwebtoken';
import type { Clock } from '../../clock.js';
import { AuthenticationError } from '../../errors.js';
import type { Principal } from './principal.js';

export interface TokenSettings {
  /** Signs new tokens and verifies them. */
  accessTokenKey: string;
  refreshTokenKey: string;
  /** During a key rotation, the other key: verifies only (see the README's operate table). */
  accessTokenRotationKey?: string | undefined;
  refreshTokenRotationKey?: string | undefined;
  accessTokenAgeSeconds: number;
  refreshTokenAgeSeconds: number;
}

/** HS256 only: the algorithm is pinned on both sign and verify, so `alg: none` or RS/HS confusion fails. */
const ALGORITHM = 'HS256' as const;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The signing key first, then the rotation key when there is another one. */
function verifyingKeys(key: string, rotationKey: string | undefined): string[] {
  return rotationKey && rotationKey !== key ? [key, rotationKey] : [key];
}

/**
 * Verifies with the first key whose signature matches. Only a bad signature moves on to the next key:
 * an expired or otherwise refused token signed with a known key is refused for that reason.
 */
function verifyWithAny(
  token: string,
  keys: KeyObject[],
  options: jwt.VerifyOptions & { complete?: false },
): jwt.JwtPayload | string {
  for (const [index, key] of keys.entries()) {
    try {
      return jwt.verify(token, key, options);
    } catch (error) {
      const badSignature = error instanceof jwt.JsonWebTokenError && error.message === 'invalid signature';
      if (!badSignature || index === keys.length - 1) throw error;
    }
  }
  throw new jwt.JsonWebTokenError('no key');
}

/** Signs and verifies the two kinds of JWT. A token of one kind is never accepted as the other. */
export function tokenManager(settings: TokenSettings, clock: Clock) {
  const nowSeconds = () => Math.floor(clock() / 1000);
  // KeyObjects made once: given a string, jsonwebtoken first tries (and fails) to parse it as a PEM
  // public key on every call, which cost a quarter of the CPU of an authenticated request.
  const secretKey = (value: string) => createSecretKey(Buffer.from(value, 'utf8'));
  const accessKey = secretKey(settings.accessTokenKey);
  const refreshKey = secretKey(settings.refreshTokenKey);
  const accessKeys = verifyingKeys(settings.accessTokenKey, settings.accessTokenRotationKey).map(secretKey);
  const refreshKeys = verifyingKeys(settings.refreshTokenKey, settings.refreshTokenRotationKey).map(
    secretKey,
  );
  const verify = (token: string, keys: KeyObject[]) =>
    verifyWithAny(token, keys, { algorithms: [ALGORITHM], clockTimestamp: nowSeconds() });

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
        payload = verify(token, accessKeys);
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
        const payload = verify(token, refreshKeys);
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
