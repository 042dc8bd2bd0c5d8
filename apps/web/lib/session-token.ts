import { type Role, roles } from '@musicapp/types/users';

/** The session lives in two httpOnly cookies set by this server; page JavaScript never sees a token. */
export const ACCESS_COOKIE = 'musicapp_access';
export const REFRESH_COOKIE = 'musicapp_refresh';
export const REFRESH_MAX_AGE = 30 * 24 * 3600;

/** httpOnly, SameSite=Lax, and Secure whenever the site is served over https. */
export function cookieOptions(maxAgeSeconds: number, secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', maxAge: maxAgeSeconds };
}

/**
 * Reading our own access token's claims for optimistic decisions (show the admin link, refresh before
 * expiry). The api verifies every token it receives; nothing here is trusted for authorization.
 */
export interface TokenClaims {
  userId: string;
  role: Role;
  expiresAt: number; // epoch ms
}

export function readClaims(token: string | undefined): TokenClaims | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      sub?: unknown;
      role?: unknown;
      exp?: unknown;
    };
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
    return {
      userId: claims.sub,
      role: roles.find((role) => role === claims.role) ?? 'user', // an unknown role is a plain user
      expiresAt: claims.exp * 1000,
    };
  } catch {
    return null;
  }
}

/** Refresh a little before the access token expires, so a request in flight never carries a dead one. */
export const REFRESH_MARGIN_MS = 30_000;

export function needsRefresh(claims: TokenClaims | null, now: number): boolean {
  return !claims || claims.expiresAt - REFRESH_MARGIN_MS <= now;
}
