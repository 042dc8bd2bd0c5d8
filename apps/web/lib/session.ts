import 'server-only';
import { cookies, headers } from 'next/headers';
import {
  ACCESS_COOKIE,
  cookieOptions,
  REFRESH_COOKIE,
  REFRESH_MAX_AGE,
  readClaims,
  type TokenClaims,
} from './session-token';

/**
 * The session lives in two httpOnly cookies set by this server; page JavaScript never sees a token.
 * Cookies are only written from Server Actions, route handlers and proxy.ts.
 */
export interface Session extends TokenClaims {
  accessToken: string;
}

export async function readSession(): Promise<Session | null> {
  const store = await cookies();
  const accessToken = store.get(ACCESS_COOKIE)?.value;
  const claims = readClaims(accessToken);
  return accessToken && claims && claims.expiresAt > Date.now() ? { ...claims, accessToken } : null;
}

export async function readRefreshToken(): Promise<string | undefined> {
  return (await cookies()).get(REFRESH_COOKIE)?.value;
}

export async function saveSession(tokens: { accessToken: string; refreshToken: string }): Promise<void> {
  const store = await cookies();
  const secure = (await headers()).get('x-forwarded-proto') === 'https';
  const claims = readClaims(tokens.accessToken);
  const accessAge = claims ? Math.max(1, Math.floor((claims.expiresAt - Date.now()) / 1000)) : 1800;
  store.set(ACCESS_COOKIE, tokens.accessToken, cookieOptions(accessAge, secure));
  store.set(REFRESH_COOKIE, tokens.refreshToken, cookieOptions(REFRESH_MAX_AGE, secure));
}

export async function clearSession(): Promise<void> {
  const store = await cookies();
  store.delete(ACCESS_COOKIE);
  store.delete(REFRESH_COOKIE);
}
