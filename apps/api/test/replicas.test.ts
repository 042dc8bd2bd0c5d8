import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { usersRepository } from '../src/modules/users/users.repository.js';
import { usersService } from '../src/modules/users/users.service.js';
import { buildApp, login, unique } from './helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

/** Replicas are stateless: two separately built apps on one database behave as one service. */
describe('two api replicas on one database', () => {
  let database: TestDatabase;
  let a: ReturnType<typeof buildApp>['app'];
  let b: ReturnType<typeof buildApp>['app'];

  before(async () => {
    database = await createTestDatabase();
    a = buildApp(database).app;
    b = buildApp(database).app;
  });
  after(() => database.drop());

  test('a user registered and logged in on one replica is served by the other', async () => {
    const username = unique('replica');
    const password = 'replica-password';
    assert.equal((await request(a).post('/users').send({ username, password, fullname: 'R' })).status, 201);
    const tokens = await login(b, username, password);
    const created = await request(a)
      .post('/playlists')
      .set('Authorization', `Bearer ${tokens.accessToken}`)
      .send({ name: 'x' });
    assert.equal(created.status, 201);
    const listed = await request(b).get('/playlists').set('Authorization', `Bearer ${tokens.accessToken}`);
    assert.deepEqual(
      listed.body.data.playlists.map((p: { id: string }) => p.id),
      [created.body.data.playlistId],
    );
  });

  test('a refresh token issued by one replica refreshes on the other; logout on one revokes it on both', async () => {
    const username = unique('session');
    await request(a).post('/users').send({ username, password: 'session-password', fullname: 'S' });
    const { refreshToken } = await login(a, username, 'session-password');
    assert.equal((await request(b).put('/authentications').send({ refreshToken })).status, 200);
    assert.equal((await request(b).delete('/authentications').send({ refreshToken })).status, 200);
    assert.equal((await request(a).put('/authentications').send({ refreshToken })).status, 400);
    assert.equal((await request(b).put('/authentications').send({ refreshToken })).status, 400);
  });

  test('catalogue reads are cached briefly: a replica sees its own writes at once, the others within CATALOG_CACHE_MS', async () => {
    const cached = { CATALOG_CACHE_MS: '300' };
    const writer = buildApp(database, cached).app;
    const reader = buildApp(database, cached).app;
    const username = unique('admin');
    const users = usersService(usersRepository(database.db), 10, Date.now);
    await users.ensureAdmin({ username, password: 'admin-password', fullname: 'Admin' });
    const { accessToken } = await login(writer, username, 'admin-password');
    const auth = { Authorization: `Bearer ${accessToken}` };
    const created = await request(writer).post('/albums').set(auth).send({ name: 'Before', year: 2001 });
    const albumId = created.body.data.albumId as string;
    const name = async (app: typeof a) => (await request(app).get(`/albums/${albumId}`)).body.data.album.name;

    assert.equal(await name(reader), 'Before');
    assert.equal(await name(writer), 'Before');
    const renamed = await request(writer)
      .put(`/albums/${albumId}`)
      .set(auth)
      .send({ name: 'After', year: 2001 });
    assert.equal(renamed.status, 200);
    assert.equal(await name(writer), 'After', 'the replica that wrote answers the new name at once');
    const fresh = await request(reader)
      .get(`/albums/${albumId}`)
      .set({ ...auth, 'Cache-Control': 'no-cache' });
    assert.equal(
      fresh.body.data.album.name,
      'After',
      "an admin's Cache-Control: no-cache reads the database",
    );
    // Without it, the reader may still answer a cached 'Before' here, for at most 300 ms.
    await sleep(350);
    assert.equal(await name(reader), 'After');
  });

  test('Cache-Control: no-cache skips the cache for admins only; anyone else gets the cached answer', async () => {
    const longCache = { CATALOG_CACHE_MS: '60000' };
    const writer = buildApp(database, longCache).app;
    const reader = buildApp(database, longCache).app;
    const adminName = unique('admin');
    const users = usersService(usersRepository(database.db), 10, Date.now);
    await users.ensureAdmin({ username: adminName, password: 'admin-password', fullname: 'Admin' });
    const admin = await login(writer, adminName, 'admin-password');
    const fanName = unique('fan');
    await request(writer).post('/users').send({ username: fanName, password: 'fan-password', fullname: 'F' });
    const fan = await login(writer, fanName, 'fan-password');
    const created = await request(writer)
      .post('/albums')
      .set('Authorization', `Bearer ${admin.accessToken}`)
      .send({ name: 'Cached', year: 2001 });
    const albumId = created.body.data.albumId as string;
    const songTitle = unique('Cached Song');
    const song = await request(writer)
      .post('/songs')
      .set('Authorization', `Bearer ${admin.accessToken}`)
      .send({ title: songTitle, year: 2001, genre: 'Pop', performer: 'Cache Band', albumId });
    const albumName = async (headers: Record<string, string>) =>
      (await request(reader).get(`/albums/${albumId}`).set(headers)).body.data.album.name;
    const found = async (headers: Record<string, string>) =>
      (await request(reader).get('/songs').query({ title: songTitle }).set(headers)).body.data.songs.length;

    assert.equal(await albumName({}), 'Cached'); // now in the reader's cache for a minute
    assert.equal(await found({}), 1);
    await request(writer)
      .put(`/albums/${albumId}`)
      .set('Authorization', `Bearer ${admin.accessToken}`)
      .send({ name: 'Renamed', year: 2001 });
    await request(writer)
      .delete(`/songs/${song.body.data.songId}`)
      .set('Authorization', `Bearer ${admin.accessToken}`);

    const noCache = { 'Cache-Control': 'no-cache' };
    for (const [who, headers] of Object.entries({
      anonymous: noCache,
      'a listener': { ...noCache, Authorization: `Bearer ${fan.accessToken}` },
      'a forged token': { ...noCache, Authorization: 'Bearer not.a.token' },
    })) {
      assert.equal(await albumName(headers), 'Cached', `${who}: the cached album`);
      assert.equal(await found(headers), 1, `${who}: the cached search`);
    }
    const asAdmin = { ...noCache, Authorization: `Bearer ${admin.accessToken}` };
    assert.equal(await albumName(asAdmin), 'Renamed', 'an admin reads the database');
    assert.equal(await found(asAdmin), 0, 'an admin searches the database');
  });

  test('song search on one replica finds a song added through another (search counts cached per replica)', async () => {
    const off = { CATALOG_CACHE_MS: '0' };
    const writer = buildApp(database, off).app;
    const reader = buildApp(database, off).app;
    const username = unique('admin');
    await usersService(usersRepository(database.db), 10, Date.now).ensureAdmin({
      username,
      password: 'admin-password',
      fullname: 'Admin',
    });
    const { accessToken } = await login(writer, username, 'admin-password');
    const addSong = (title: string) =>
      request(writer)
        .post('/songs')
        .set('Authorization', `Bearer ${accessToken}`)
        .send({ title, year: 2001, genre: 'Pop', performer: 'Replica Band' });
    const titles = async (term: string) =>
      (await request(reader).get('/songs').query({ title: term })).body.data.songs.map(
        (song: { title: string }) => song.title,
      );
    const word = unique('zq').replace(/[^a-z0-9]/gi, '');

    assert.deepEqual(await titles(word), []); // no posting yet: nothing is kept about it
    assert.equal((await addSong(`${word} one`)).status, 201);
    assert.deepEqual(await titles(word), [`${word} one`]); // its postings counted now, and kept
    assert.equal((await addSong(`${word} two`)).status, 201);
    assert.deepEqual(await titles(word), [`${word} one`, `${word} two`]);
  });
});
