import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import request from 'supertest';
import { buildApp, login, TEST_ACCESS_KEY, TEST_REFRESH_KEY, unique } from './helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

const NEW_ACCESS_KEY = 'rotated-access-token-key-0123456789abcdefghij';
const NEW_REFRESH_KEY = 'rotated-refresh-token-key-0123456789abcdefghij';

/**
 * The README's JWT key rotation, as replicas of each phase see it during a rolling update: every token
 * any replica has signed is accepted by every replica of the phase before and after it.
 *   before:  signs with the old keys
 *   phase 1: signs with the old keys, also accepts the new ones (ROTATION_KEY = new)
 *   phase 2: signs with the new keys, still accepts the old ones (ROTATION_KEY = old)
 *   after:   the new keys only; tokens signed with the old ones are refused
 */
describe('JWT key rotation across replicas', () => {
  let database: TestDatabase;
  const phases = {} as Record<'before' | 'phase1' | 'phase2' | 'after', ReturnType<typeof buildApp>['app']>;

  before(async () => {
    database = await createTestDatabase();
    phases.before = buildApp(database).app;
    phases.phase1 = buildApp(database, {
      ACCESS_TOKEN_ROTATION_KEY: NEW_ACCESS_KEY,
      REFRESH_TOKEN_ROTATION_KEY: NEW_REFRESH_KEY,
    }).app;
    phases.phase2 = buildApp(database, {
      ACCESS_TOKEN_KEY: NEW_ACCESS_KEY,
      REFRESH_TOKEN_KEY: NEW_REFRESH_KEY,
      ACCESS_TOKEN_ROTATION_KEY: TEST_ACCESS_KEY,
      REFRESH_TOKEN_ROTATION_KEY: TEST_REFRESH_KEY,
    }).app;
    phases.after = buildApp(database, {
      ACCESS_TOKEN_KEY: NEW_ACCESS_KEY,
      REFRESH_TOKEN_KEY: NEW_REFRESH_KEY,
    }).app;
  });
  after(() => database.drop());

  async function sessionFrom(app: (typeof phases)['before']) {
    const username = unique('rotation');
    const password = 'rotation-password';
    const made = await request(app).post('/users').send({ username, password, fullname: 'Rotation' });
    assert.equal(made.status, 201);
    return login(app, username, password);
  }
  const playlists = (app: (typeof phases)['before'], accessToken: string) =>
    request(app).get('/playlists').set('Authorization', `Bearer ${accessToken}`);
  const refresh = (app: (typeof phases)['before'], refreshToken: string) =>
    request(app).put('/authentications').send({ refreshToken });

  const neighbours = [
    ['before', 'phase1'],
    ['phase1', 'phase2'],
    ['phase2', 'after'],
  ] as const;
  for (const [older, newer] of neighbours) {
    test(`tokens from ${older} replicas work on ${newer} replicas, and back`, async () => {
      for (const [from, to] of [
        [older, newer],
        [newer, older],
      ] as const) {
        const session = await sessionFrom(phases[from]);
        assert.equal((await playlists(phases[to], session.accessToken)).status, 200, `${from} → ${to}`);
        const refreshed = await refresh(phases[to], session.refreshToken);
        assert.equal(refreshed.status, 200, `refresh ${from} → ${to}`);
      }
    });
  }

  test('once the old keys are gone, tokens signed with them are refused, with the usual 401', async () => {
    const session = await sessionFrom(phases.before);
    const refused = await playlists(phases.after, session.accessToken);
    assert.equal(refused.status, 401);
    assert.equal(refused.body.message, 'Access token is invalid');
    assert.equal((await refresh(phases.after, session.refreshToken)).status, 400);
  });

  test('a rotation key never signs', async () => {
    const session = await sessionFrom(phases.phase1);
    // Signed with the old key: an "after" replica (new keys only) refuses it.
    assert.equal((await playlists(phases.after, session.accessToken)).status, 401);
  });
});
