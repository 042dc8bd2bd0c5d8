import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cookieOptions, needsRefresh, REFRESH_MARGIN_MS, readClaims } from '@/lib/session-token';

const token = (claims: object) =>
  `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

test('claims are read from our access token: user id, role and expiry in ms', () => {
  assert.deepEqual(readClaims(token({ sub: 'user-1', role: 'admin', exp: 2_000_000_000 })), {
    userId: 'user-1',
    role: 'admin',
    expiresAt: 2_000_000_000_000,
  });
  assert.equal(
    readClaims(token({ sub: 'user-1', role: 'root', exp: 1 }))?.role,
    'user',
    'unknown roles are plain users',
  );
});

test('a missing, malformed or incomplete token has no claims', () => {
  for (const value of [
    undefined,
    '',
    'abc',
    'a.b.c',
    token({ role: 'user', exp: 1 }),
    token({ sub: 'u', exp: 'soon' }),
  ]) {
    assert.equal(readClaims(value), null, String(value));
  }
});

test('a session is refreshed when it has no token or expires within the margin, not before', () => {
  const now = 1_000_000;
  assert.equal(needsRefresh(null, now), true);
  assert.equal(
    needsRefresh({ userId: 'u', role: 'user', expiresAt: now + REFRESH_MARGIN_MS - 1 }, now),
    true,
  );
  assert.equal(
    needsRefresh({ userId: 'u', role: 'user', expiresAt: now + REFRESH_MARGIN_MS + 60_000 }, now),
    false,
  );
});

test('session cookies are httpOnly and SameSite=Lax, Secure only behind https', () => {
  assert.deepEqual(cookieOptions(60, false), {
    httpOnly: true,
    sameSite: 'lax',
    secure: false,
    path: '/',
    maxAge: 60,
  });
  assert.equal(cookieOptions(60, true).secure, true);
});
