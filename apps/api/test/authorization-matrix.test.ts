import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import jwt from 'jsonwebtoken';
import { startTestApp, TEST_ACCESS_KEY, type TestApp, type TestUser } from './helpers/test-app.js';

/**
 * Every protected route against every kind of bad credential. The routes are real (their resources
 * exist and belong to the owner), so a 401/403 can only come from the credential.
 */
describe('authorization matrix', () => {
  let t: TestApp;
  let owner: TestUser;
  let stranger: TestUser;
  let routes: {
    method: 'get' | 'post' | 'put' | 'delete';
    path: string;
    body?: object;
    ownerOnly: boolean;
    adminOnly?: boolean;
  }[];

  before(async () => {
    t = await startTestApp();
    owner = await t.user();
    stranger = await t.user();
    const admin = await t.admin();
    const albumId = await t.addAlbum(admin, { name: 'Matrix', year: 1999 });
    const songId = await t.addSong(admin, { title: 'Neo', year: 1999, genre: 'OST', performer: 'P' });
    const playlistId = await t.addPlaylist(owner, 'Mine');
    await t.http().post(`/playlists/${playlistId}/songs`).set(owner.auth).send({ songId });
    routes = [
      { method: 'post', path: '/albums', body: { name: 'A', year: 2000 }, ownerOnly: false, adminOnly: true },
      {
        method: 'put',
        path: `/albums/${albumId}`,
        body: { name: 'A', year: 2000 },
        ownerOnly: false,
        adminOnly: true,
      },
      { method: 'delete', path: `/albums/${albumId}`, ownerOnly: false, adminOnly: true },
      {
        method: 'post',
        path: '/songs',
        body: { title: 'S', year: 2000, genre: 'G', performer: 'P' },
        ownerOnly: false,
        adminOnly: true,
      },
      {
        method: 'put',
        path: `/songs/${songId}`,
        body: { title: 'S', year: 2000, genre: 'G', performer: 'P' },
        ownerOnly: false,
        adminOnly: true,
      },
      { method: 'delete', path: `/songs/${songId}`, ownerOnly: false, adminOnly: true },
      { method: 'get', path: `/users?username=${stranger.username}`, ownerOnly: false },
      { method: 'post', path: '/playlists', body: { name: 'P' }, ownerOnly: false },
      { method: 'get', path: '/playlists', ownerOnly: false },
      { method: 'delete', path: `/playlists/${playlistId}`, ownerOnly: true },
      { method: 'post', path: `/playlists/${playlistId}/songs`, body: { songId }, ownerOnly: true },
      { method: 'get', path: `/playlists/${playlistId}/songs`, ownerOnly: true },
      { method: 'delete', path: `/playlists/${playlistId}/songs`, body: { songId }, ownerOnly: true },
      { method: 'get', path: `/playlists/${playlistId}/activities`, ownerOnly: true },
      {
        method: 'post',
        path: '/collaborations',
        body: { playlistId, userId: stranger.userId },
        ownerOnly: true,
      },
      {
        method: 'delete',
        path: '/collaborations',
        body: { playlistId, userId: stranger.userId },
        ownerOnly: true,
      },
    ];
  });
  after(() => t.close());

  const call = (route: (typeof routes)[number], authorization?: string) => {
    const req = t.http()[route.method](route.path);
    if (authorization) req.set('Authorization', authorization);
    return route.body ? req.send(route.body) : req;
  };

  const expect401 = async (authorization: string | undefined, why: string) => {
    for (const route of routes) {
      const res = await call(route, authorization);
      assert.equal(res.status, 401, `${route.method.toUpperCase()} ${route.path} with ${why}`);
      assert.equal(res.body.status, 'fail');
      assert.ok(res.body.message.length > 0);
    }
  };

  test('no token → 401 on every protected route', () => expect401(undefined, 'no token'));

  test('a malformed Authorization header → 401 on every protected route', () =>
    expect401(`Token ${'x'}`, 'a non-Bearer scheme'));

  test('an expired token → 401 saying it expired', async () => {
    const expired = jwt.sign({ sub: owner.userId, role: 'user', typ: 'access', iat: 1000 }, TEST_ACCESS_KEY, {
      expiresIn: 60,
    });
    await expect401(`Bearer ${expired}`, 'an expired token');
    const res = await t.http().get('/playlists').set('Authorization', `Bearer ${expired}`);
    assert.match(res.body.message, /expired/);
  });

  test('a tampered token (payload changed, old signature) → 401', async () => {
    const [header, , signature] = owner.accessToken.split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: owner.userId, role: 'admin', typ: 'access', iat: 1, exp: 9e9 }),
    ).toString('base64url');
    await expect401(`Bearer ${header}.${payload}.${signature}`, 'a tampered token');
  });

  test('an alg:none token → 401', async () => {
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: owner.userId, role: 'admin', typ: 'access', iat: Math.floor(Date.now() / 1000) }),
    ).toString('base64url')}.`;
    await expect401(`Bearer ${none}`, 'alg:none');
  });

  test('a token signed with another key, or with HS512 → 401', async () => {
    const claims = { sub: owner.userId, role: 'admin', typ: 'access' };
    await expect401(
      `Bearer ${jwt.sign(claims, 'some-other-key-of-sufficient-length-1234567890')}`,
      'another key',
    );
    await expect401(`Bearer ${jwt.sign(claims, TEST_ACCESS_KEY, { algorithm: 'HS512' })}`, 'HS512');
  });

  test('a refresh token used as an access token → 401', () =>
    expect401(`Bearer ${owner.refreshToken}`, 'a refresh token'));

  test('another user’s valid token → 403 on owner-only routes and admin-only routes', async () => {
    for (const route of routes.filter((r) => r.ownerOnly || r.adminOnly)) {
      const res = await call(route, stranger.auth.Authorization);
      assert.equal(res.status, 403, `${route.method.toUpperCase()} ${route.path} as a stranger`);
      assert.equal(res.body.status, 'fail');
    }
  });
});
