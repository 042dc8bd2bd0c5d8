import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp, type TestUser } from './helpers/test-app.js';

/** The spec's "Bad input" section: every malformed request is a clear 4xx, never a 500 or a crash. */
describe('bad input', () => {
  let t: TestApp;
  let user: TestUser;
  before(async () => {
    t = await startTestApp();
    user = await t.user();
  });
  after(() => t.close());

  const assertFail = (
    res: { status: number; body: { status: string; message: string }; text: string },
    status: number,
    message: RegExp,
  ) => {
    assert.equal(res.status, status, res.text);
    assert.equal(res.body.status, 'fail');
    assert.match(res.body.message, message);
    assert.ok(!/at .*\.(ts|js):\d+/.test(res.text), 'no stack trace');
  };

  test('malformed JSON → 400 "not valid JSON"', async () => {
    const res = await t
      .http()
      .post('/users')
      .set('Content-Type', 'application/json')
      .send('{"username": "x",');
    assertFail(res, 400, /not valid JSON/);
  });

  test('a body over 100 kB → 413 naming the limit', async () => {
    const res = await t
      .http()
      .post('/playlists')
      .set(user.auth)
      .send({ name: 'x'.repeat(110 * 1024) });
    assertFail(res, 413, /100 kB/);
  });

  test('a body that is not JSON (text/plain, form) → 400 asking for a JSON object', async () => {
    const text = await t.http().post('/users').set('Content-Type', 'text/plain').send('username=x');
    assertFail(text, 400, /JSON object/);
    const form = await t
      .http()
      .post('/users')
      .type('form')
      .send({ username: 'x', password: 'y', fullname: 'z' });
    assertFail(form, 400, /JSON object/);
  });

  test('a JSON body that is not an object (array, string, null) → 400', async () => {
    for (const body of ['[]', '"text"', 'null', '42']) {
      const res = await t
        .http()
        .post('/playlists')
        .set(user.auth)
        .set('Content-Type', 'application/json')
        .send(body);
      assert.equal(res.status, 400, body);
      assert.equal(res.body.status, 'fail');
    }
  });

  test('wrong types and unknown fields → 400 naming the field', async () => {
    assertFail(
      await t
        .http()
        .post('/playlists')
        .set(user.auth)
        .send({ name: ['a'] }),
      400,
      /name/,
    );
    assertFail(
      await t.http().post('/playlists').set(user.auth).send({ name: 'a', owner: 'me' }),
      400,
      /owner/,
    );
    assertFail(
      await t
        .http()
        .post('/playlists')
        .set(user.auth)
        .send({ name: 'a', __proto__: { x: 1 }, constructor: 1 }),
      400,
      /constructor/,
    );
  });

  test('bad ids → 404 with a clear message, never 500', async () => {
    for (const id of ["album-'; drop table albums; --", 'x'.repeat(300), '%E2%82%AC', 'album-%00']) {
      const res = await t.http().get(`/albums/${encodeURIComponent(id)}`);
      assertFail(res, 404, /not found/i);
    }
  });

  test('a malformed percent-encoded path → 400, never 500', async () => {
    const res = await t.http().get('/albums/%E0%A4%A');
    assertFail(res, 400, /not valid percent-encoding/);
  });

  test('bad cursors → 400 "cursor is invalid"', async () => {
    const forged = Buffer.from(JSON.stringify(['songs', { $gt: '' }, 'x'])).toString('base64url');
    for (const cursor of ['!!!', 'e30', forged, Buffer.from('[]').toString('base64url')]) {
      const res = await t.http().get('/songs').query({ cursor });
      assertFail(res, 400, /cursor is invalid/);
    }
  });

  test('crafted sort keys in a well-formed cursor → 400, on every list', async () => {
    // JSON's 1e400 parses to Infinity, which no database column holds (MySQL answered it with a 500).
    const crafted = (list: string, json: string) => Buffer.from(`["${list}",${json}]`).toString('base64url');
    const lists = [
      { path: '/shows', list: 'shows', timeFirst: true },
      { path: '/reservations', list: 'reservations', timeFirst: true },
      { path: '/songs', list: 'songs', timeFirst: false },
      { path: '/albums', list: 'albums', timeFirst: false },
      { path: '/playlists', list: 'playlists', timeFirst: false },
    ];
    for (const { path, list, timeFirst } of lists) {
      const keys = [
        '1e400,"x"',
        '-1e400,"x"',
        '"x",1e400',
        timeFirst ? '1.5,"x"' : '1,"x"',
        timeFirst ? '"1799999999999","x"' : '"x",2',
        timeFirst ? '9007199254740993,"x"' : 'true,"x"',
        'null,"x"',
        '[1],"x"',
      ];
      for (const key of keys) {
        const res = await t
          .http()
          .get(path)
          .set(user.auth)
          .query({ cursor: crafted(list, key) });
        assertFail(res, 400, /cursor is invalid/);
      }
    }
  });
});
