import { refreshResponse } from '@musicapp/types/authentications';
import { type NextRequest, NextResponse } from 'next/server';
import { callApi } from '@/lib/api-client';
import { loginPath } from '@/lib/session-guard';
import { ACCESS_COOKIE, cookieOptions, needsRefresh, REFRESH_COOKIE, readClaims } from '@/lib/session-token';

/** Pages that need a session. The pages check again themselves (lib/dal.ts): this is only optimistic. */
const PROTECTED = ['/reservations', '/playlists', '/admin'];

/**
 * The pages' Content-Security-Policy: scripts only with this response's nonce (Next puts it on its own
 * scripts, read from the request's copy of this header; 'strict-dynamic' lets them load their chunks),
 * everything else from this origin only, and no framing. Development adds 'unsafe-eval' for React's
 * debugging tools.
 */
function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== 'production';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Keeps the session fresh: an access token that expired (or is about to) is renewed with the refresh
 * token before the page renders, so the user stays logged in across refreshes. A revoked session
 * sends protected pages to the login page with a message. Every page gets its own CSP nonce.
 */
export async function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy(btoa(crypto.randomUUID()));
  request.headers.set('content-security-policy', csp);
  const { pathname, search } = request.nextUrl;
  const isProtected = PROTECTED.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  let accessToken = request.cookies.get(ACCESS_COOKIE)?.value;
  let renewed: string | null = null;
  let revoked = false;

  if (refreshToken && needsRefresh(readClaims(accessToken), Date.now())) {
    const result = await callApi('/authentications', refreshResponse.shape.data, {
      method: 'PUT',
      body: { refreshToken },
    });
    if (result.ok) renewed = result.data.accessToken;
    else revoked = result.status === 400; // unknown, logged out or revoked; a 503 keeps the cookies
  }
  if (renewed) {
    accessToken = renewed;
    request.cookies.set(ACCESS_COOKIE, renewed); // the page rendering this request sees the new token
  }

  const loggedIn = Boolean(accessToken) && !revoked && (readClaims(accessToken)?.expiresAt ?? 0) > Date.now();
  const response =
    isProtected && !loggedIn
      ? NextResponse.redirect(
          new URL(loginPath(pathname + search, revoked ? 'expired' : undefined), request.url),
        )
      : NextResponse.next({ request: { headers: request.headers } });

  const secure = request.headers.get('x-forwarded-proto') === 'https';
  if (renewed) {
    const expiresAt = readClaims(renewed)?.expiresAt ?? Date.now() + 1_800_000;
    response.cookies.set(
      ACCESS_COOKIE,
      renewed,
      cookieOptions(Math.floor((expiresAt - Date.now()) / 1000), secure),
    );
  }
  if (revoked) {
    response.cookies.delete(ACCESS_COOKIE);
    response.cookies.delete(REFRESH_COOKIE);
  }
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Pages only: not static files, images or the health endpoint.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
