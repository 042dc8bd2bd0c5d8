import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import jwt from 'jsonwebtoken';
import { startTestApp, TEST_ACCESS_KEY, type TestApp, type TestUser } from './helpers/test-app.js';

type Access = 'public' | 'user' | 'owner' | 'admin';

/** An operation of /openapi.json: the route table as the api serves it. */
interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  name: string;
  access: Access;
  /** What another user gets on an owner's resource: 403, or 404 where ids reveal nothing. */
  othersGet: 403 | 404;
}

/** A real request for each operation: its resources exist and belong to `owner`. */
interface Call {
  id?: string;
  query?: string;
  body?: object;
}

/**
 * Every protected route of the route table against every kind of bad credential. The operations come
 * from the api's own OpenAPI document (which the route-table test holds to the mounted routes), so a
 * route added there is checked here too; its request below is what makes it real (its resources exist and
 * belong to the owner), so a 401/403 can only come from the credential.
 */
describe('authorization matrix', () => {
  let t: TestApp;
  let owner: TestUser;
  let stranger: TestUser;
  let admin: TestUser;
  let operations: Operation[];
  let calls: Record<string, Call>;

  /**
   * A real request for each protected operation, on resources made for it: an album, a song, a playlist
   * with that song, a show and a reservation, all `owner`'s (the catalogue's by `admin`).
   */
  async function requests(): Promise<Record<string, Call>> {
    const albumId = await t.addAlbum(admin, { name: 'Matrix', year: 1999 });
    const songId = await t.addSong(admin, { title: 'Neo', year: 1999, genre: 'OST', performer: 'P' });
    const playlistId = await t.addPlaylist(owner, 'Mine');
    await t.http().post(`/playlists/${playlistId}/songs`).set(owner.auth).send({ songId });
    const showId = await t.addShow(admin, { title: 'Matrix Live', capacity: 10 });
    const reserved = await t.http().post('/reservations').set(owner.auth).send({ showId, seats: 1 });
    assert.equal(reserved.status, 201, JSON.stringify(reserved.body));
    const reservationId: string = reserved.body.data.reservation.id;

    const album = { name: 'A', year: 2000 };
    const song = { title: 'S', year: 2000, genre: 'G', performer: 'P' };
    const show = {
      title: 'T',
      performer: 'P',
      venue: 'V',
      capacity: 10,
      startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    };
    const collaboration = { playlistId, userId: stranger.userId };
    return {
      'POST /albums': { body: album },
      'PUT /albums/{id}': { id: albumId, body: album },
      'DELETE /albums/{id}': { id: albumId },
      'POST /songs': { body: song },
      'PUT /songs/{id}': { id: songId, body: song },
      'DELETE /songs/{id}': { id: songId },
      'GET /users': { query: `username=${stranger.username}` },
      'POST /playlists': { body: { name: 'P' } },
      'GET /playlists': {},
      'DELETE /playlists/{id}': { id: playlistId },
      'POST /playlists/{id}/songs': { id: playlistId, body: { songId } },
      'GET /playlists/{id}/songs': { id: playlistId },
      'DELETE /playlists/{id}/songs': { id: playlistId, body: { songId } },
      'GET /playlists/{id}/activities': { id: playlistId },
      'POST /collaborations': { body: collaboration },
      'DELETE /collaborations': { body: collaboration },
      'POST /shows': { body: show },
      'PUT /shows/{id}': { id: showId, body: show },
      'DELETE /shows/{id}': { id: showId },
      'POST /reservations': { body: { showId, seats: 1 } },
      'GET /reservations': {},
      'GET /reservations/{id}': { id: reservationId },
      'DELETE /reservations/{id}': { id: reservationId },
    };
  }

  before(async () => {
    t = await startTestApp();
    owner = await t.user();
    stranger = await t.user();
    admin = await t.admin();
    calls = await requests();
    const document = (await t.http().get('/openapi.json')).body as {
      paths: Record<string, Record<string, { 'x-access': Access; responses: Record<string, unknown> }>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method as Operation['method'],
        path,
        name: `${method.toUpperCase()} ${path}`,
        access: operation['x-access'],
        othersGet: '403' in operation.responses ? 403 : 404,
      })),
    );
  });
  after(() => t.close());

  const protectedOperations = () => operations.filter((operation) => operation.access !== 'public');

  const call = (operation: Operation, authorization?: string, on = calls) => {
    const { id, query, body } = on[operation.name] ?? {};
    const path = operation.path.replace('{id}', id ?? 'none') + (query ? `?${query}` : '');
    const req = t.http()[operation.method](path);
    if (authorization) req.set('Authorization', authorization);
    return body ? req.send(body) : req;
  };

  const expect401 = async (authorization: string | undefined, why: string) => {
    for (const operation of protectedOperations()) {
      const res = await call(operation, authorization);
      assert.equal(res.status, 401, `${operation.name} with ${why}`);
      assert.equal(res.body.status, 'fail');
      assert.ok(res.body.message.length > 0);
    }
  };

  test('every protected route of the route table has a real request here, shows and reservations included', () => {
    const names = protectedOperations().map((operation) => operation.name);
    for (const name of ['POST /shows', 'PUT /shows/{id}', 'DELETE /shows/{id}', 'POST /reservations']) {
      assert.ok(names.includes(name), `${name} is protected`);
    }
    assert.deepEqual(
      names.filter((name) => !calls[name]),
      [],
      'protected routes without a request in this matrix',
    );
    assert.deepEqual(
      Object.keys(calls).filter((name) => !names.includes(name)),
      [],
      'requests here for routes that are not protected (or gone)',
    );
  });

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

  test('another user’s valid token → 403 on admin routes, and on owner routes 403 (404 where ids reveal nothing)', async () => {
    for (const operation of operations.filter((o) => o.access === 'admin' || o.access === 'owner')) {
      const res = await call(operation, stranger.auth.Authorization);
      const expected = operation.access === 'admin' ? 403 : operation.othersGet;
      assert.equal(res.status, expected, `${operation.name} as a stranger: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.status, 'fail');
      if (expected === 404) {
        // The same request from the owner finds it: the 404 above hid a real resource.
        const own = await call(operation, owner.auth.Authorization);
        assert.equal(own.status, 200, `${operation.name} as its owner: ${JSON.stringify(own.body)}`);
      }
    }
  });

  test('the right credential gets past every access check', async () => {
    // On resources of its own: its requests change them (a resource deleted by one request is a 404 for
    // the next), and the other tests' resources stay as they were, whatever order the tests run in.
    const own = await requests();
    for (const operation of protectedOperations()) {
      const credential = (operation.access === 'admin' ? admin : owner).auth.Authorization;
      const res = await call(operation, credential, own);
      assert.ok(
        res.status < 500 && res.status !== 401 && res.status !== 403,
        `${operation.name} as its ${operation.access}: ${res.status} ${JSON.stringify(res.body)}`,
      );
    }
  });
});
