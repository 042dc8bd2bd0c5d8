import { refreshResponse } from '@musicapp/types/authentications';
import { type NextRequest, NextResponse } from 'next/server';
import { callApi } from './lib/api-client';
import { ACCESS_COOKIE, cookieOptions, needsRefresh, REFRESH_COOKIE, readClaims } from './lib/session-token';

/** Pages that need a session. The pages check again themselves (lib/dal.ts): this is only optimistic. */
const PROTECTED = ['/reservations', '/playlists', '/admin'];

/**
 * Keeps the session fresh: an access token that expired (or is about to) is renewed with the refresh
 * token before the page renders, so the user stays logged in across refreshes. A revoked session
 * sends protected pages to the login page with a message.
 */
export async function proxy(request: NextRequest) {
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
          new URL(
            `/login?next=${encodeURIComponent(pathname + search)}${revoked ? '&reason=expired' : ''}`,
            request.url,
          ),
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
  return response;
}

export const config = {
  // Pages only: not static files, images or the health endpoint.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
