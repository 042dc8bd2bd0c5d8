import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp, unique, useTestApp } from './helpers/test-app.js';

describe('albums', () => {
  const { t, admin } = useTestApp();

  test('POST /albums as admin → 201 with an album- id', async () => {
    const res = await t.http().post('/albums').set(admin.auth).send({ name: 'Viva la Vida', year: 2008 });
    assert.equal(res.status, 201);
    assert.equal(res.body.status, 'success');
    assert.match(res.body.data.albumId, /^album-/);
    assert.match(res.headers['content-type'] ?? '', /application\/json/);
  });

  test('GET /albums/:id → the album with its songs (id, title, performer only)', async () => {
    const albumId = await t.addAlbum(admin, { name: 'Abbey Road', year: 1969 });
    for (const title of ['Something', 'Come Together']) {
      await t.addSong(admin, {
        title,
        year: 1969,
        genre: 'Rock',
        performer: 'The Beatles',
        duration: 200,
        albumId,
      });
    }
    const res = await t.http().get(`/albums/${albumId}`);
    assert.equal(res.status, 200);
    const { album } = res.body.data;
    assert.deepEqual(Object.keys(album).sort(), ['id', 'name', 'songs', 'year']);
    assert.equal(album.name, 'Abbey Road');
    assert.equal(album.year, 1969);
    assert.deepEqual(
      album.songs.map((s: { title: string }) => s.title),
      ['Come Together', 'Something'],
    );
    for (const song of album.songs) assert.deepEqual(Object.keys(song).sort(), ['id', 'performer', 'title']);
  });

  test('GET /albums/:id of an album without songs → empty songs list', async () => {
    const albumId = await t.addAlbum(admin);
    const res = await t.http().get(`/albums/${albumId}`);
    assert.deepEqual(res.body.data.album.songs, []);
  });

  test('GET /albums/:id unknown → 404 fail naming the album', async () => {
    const res = await t.http().get('/albums/album-doesnotexist');
    assert.equal(res.status, 404);
    assert.equal(res.body.status, 'fail');
    assert.match(res.body.message, /album-doesnotexist/);
  });

  test('PUT /albums/:id → 200 and the album changes; unknown id → 404', async () => {
    const albumId = await t.addAlbum(admin);
    const res = await t
      .http()
      .put(`/albums/${albumId}`)
      .set(admin.auth)
      .send({ name: 'Renamed', year: 1999 });
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'success');
    const after = await t.http().get(`/albums/${albumId}`);
    assert.equal(after.body.data.album.name, 'Renamed');
    assert.equal(after.body.data.album.year, 1999);
    const missing = await t.http().put('/albums/album-nope').set(admin.auth).send({ name: 'X', year: 1999 });
    assert.equal(missing.status, 404);
  });

  test('DELETE /albums/:id → 200, then 404; its songs stay without album', async () => {
    const albumId = await t.addAlbum(admin);
    const songId = await t.addSong(admin, {
      title: 'Orphan',
      year: 2000,
      genre: 'Pop',
      performer: 'Someone',
      albumId,
    });
    const res = await t.http().delete(`/albums/${albumId}`).set(admin.auth);
    assert.equal(res.status, 200);
    assert.equal((await t.http().get(`/albums/${albumId}`)).status, 404);
    assert.equal((await t.http().delete(`/albums/${albumId}`).set(admin.auth)).status, 404);
    const orphan = await t.http().get(`/songs/${songId}`);
    assert.equal(orphan.status, 200);
    assert.equal(orphan.body.data.song.albumId, null);
  });

  test('POST /albums with bad payloads → 400 naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ year: 2000 }, /name/],
      [{ name: 'X' }, /year/],
      [{ name: 'X', year: '2000' }, /year/],
      [{ name: '', year: 2000 }, /name/],
      [{ name: 'X', year: 20.5 }, /year/],
      [{ name: 'X', year: 2000, extra: true }, /extra/],
      [[{ name: 'X', year: 2000 }], /JSON object/],
    ];
    for (const [body, message] of cases) {
      const res = await t
        .http()
        .post('/albums')
        .set(admin.auth)
        .send(body as object);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.status, 'fail');
      assert.match(res.body.message, message);
    }
  });

  test('album writes by a non-admin → 403; without a token → 401', async () => {
    const listener = await t.user();
    const albumId = await t.addAlbum(admin);
    const body = { name: 'Nope', year: 2000 };
    assert.equal((await t.http().post('/albums').set(listener.auth).send(body)).status, 403);
    assert.equal((await t.http().put(`/albums/${albumId}`).set(listener.auth).send(body)).status, 403);
    assert.equal((await t.http().delete(`/albums/${albumId}`).set(listener.auth)).status, 403);
    assert.equal((await t.http().post('/albums').send(body)).status, 401);
    assert.equal((await t.http().put(`/albums/${albumId}`).send(body)).status, 401);
    assert.equal((await t.http().delete(`/albums/${albumId}`)).status, 401);
  });

  test('GET /albums pages by name with an opaque cursor; every album appears once', async () => {
    const prefix = unique('Paged ');
    const names = ['c', 'a', 'e', 'b', 'd'].map((s) => `${prefix} ${s}`);
    for (const name of names) await t.addAlbum(admin, { name });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t
        .http()
        .get('/albums')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) });
      assert.equal(res.status, 200);
      assert.ok(res.body.data.albums.length <= 2);
      for (const album of res.body.data.albums) {
        assert.deepEqual(Object.keys(album).sort(), ['id', 'name', 'year']);
        seen.push(album.name);
      }
      cursor = res.body.data.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    const mine = seen.filter((n) => n.startsWith(prefix));
    assert.deepEqual(mine, [...names].sort());
    assert.equal(new Set(seen).size, seen.length);
  });

  test('GET /albums with a bad cursor or limit → 400', async () => {
    assert.equal((await t.http().get('/albums?cursor=garbage')).status, 400);
    assert.equal((await t.http().get('/albums?limit=0')).status, 400);
    assert.equal((await t.http().get('/albums?limit=201')).status, 400);
    assert.equal((await t.http().get('/albums?limit=abc')).status, 400);
    const songsCursor = Buffer.from(JSON.stringify(['songs', 'a', 'b'])).toString('base64url');
    const res = await t.http().get(`/albums?cursor=${songsCursor}`);
    assert.equal(res.status, 400);
    assert.match(res.body.message, /cursor/);
  });
});

describe('albums with CATALOG_WRITES=public', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ CATALOG_WRITES: 'public' });
  });
  after(() => t.close());

  test('anyone may add, edit and delete albums without a token (OpenMusic labs)', async () => {
    const created = await t.http().post('/albums').send({ name: 'Open', year: 2020 });
    assert.equal(created.status, 201);
    const albumId = created.body.data.albumId;
    assert.equal((await t.http().put(`/albums/${albumId}`).send({ name: 'Open 2', year: 2021 })).status, 200);
    assert.equal((await t.http().delete(`/albums/${albumId}`)).status, 200);
  });
});
