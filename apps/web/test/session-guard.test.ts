import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { getURLFromRedirectError } from 'next/dist/client/components/redirect';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import type { Session } from '@/lib/session';
import { admit, loginPath, ONLY_ADMINS, refusal } from '@/lib/session-guard';

const fan: Session = { userId: 'user-1', role: 'user', expiresAt: Date.now() + 60_000, accessToken: 'a.b.c' };
const admin: Session = { ...fan, role: 'admin' };

/** Where `run` redirected to (it must redirect). */
function redirectOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isRedirectError(error)) return getURLFromRedirectError(error);
    throw error;
  }
  assert.fail('expected a redirect');
}

test('without a session an action goes to login and comes back to its page', () => {
  assert.equal(
    redirectOf(() => admit(null, { returnTo: '/reservations' })),
    '/login?next=%2Freservations',
  );
  assert.equal(
    redirectOf(() => admit(null, { returnTo: '/admin/shows/show-1', role: 'admin' })),
    '/login?next=%2Fadmin%2Fshows%2Fshow-1',
  );
});

test('login only ever comes back to a page of this site', () => {
  assert.equal(loginPath('//evil.example/phish'), '/login?next=%2F');
  assert.equal(
    loginPath('/shows/show-1?x=1', 'expired'),
    '/login?next=%2Fshows%2Fshow-1%3Fx%3D1&reason=expired',
  );
});

test('an admin guard turns a fan away (null); a plain guard lets any session in', () => {
  assert.equal(admit(fan, { returnTo: '/admin', role: 'admin' }), null);
  assert.equal(admit(admin, { returnTo: '/admin', role: 'admin' }), admin);
  assert.equal(admit(fan, { returnTo: '/reservations' }), fan);
});

test('a token the api rejects (401) goes to login as expired, cancelling a reservation included', () => {
  const expired = { ok: false as const, status: 401, message: 'Access token expired' };
  for (const returnTo of ['/reservations', '/shows/show-1', '/playlists/playlist-1', '/admin/songs']) {
    assert.equal(
      redirectOf(() => refusal(expired, { returnTo })),
      `/login?next=${encodeURIComponent(returnTo)}&reason=expired`,
    );
  }
});

test("other refusals are the form's message, keeping what was typed; admins' 403 says who may", () => {
  const conflict = { ok: false as const, status: 409, message: 'Only 1 seat left for this show' };
  assert.deepEqual(refusal(conflict, { returnTo: '/shows/show-1' }), { message: conflict.message });
  assert.deepEqual(refusal(conflict, { returnTo: '/admin/shows' }, { title: 'Gig' }), {
    message: conflict.message,
    values: { title: 'Gig' },
  });
  const forbidden = { ok: false as const, status: 403, message: 'Forbidden' };
  assert.deepEqual(refusal(forbidden, { returnTo: '/admin/shows', role: 'admin' }), { message: ONLY_ADMINS });
  assert.deepEqual(refusal(forbidden, { returnTo: '/playlists/p-1' }), { message: 'Forbidden' });
});

test('every Server Action that needs a session is a guarded action: none checks the session by hand', () => {
  const dir = new URL('../actions/', import.meta.url);
  for (const file of readdirSync(dir).filter((name) => name !== 'auth.ts')) {
    const source = readFileSync(new URL(file, dir), 'utf8');
    assert.doesNotMatch(source, /readSession|\/login\?|status === 401/, `${file} repeats the guard`);
    assert.doesNotMatch(source, /export async function/, `${file} has an action outside guardedAction`);
  }
});
