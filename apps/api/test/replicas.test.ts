import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import request from 'supertest';
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
});
