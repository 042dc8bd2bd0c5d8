import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import jwt from 'jsonwebtoken';
import {
  expectFail,
  fullWidth,
  startTestApp,
  TEST_ACCESS_KEY,
  TEST_REFRESH_KEY,
  type TestApp,
  unique,
} from './helpers/test-app.js';

describe('authentications', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('POST /authentications → 201 with an HS256 access token and a refresh token', async () => {
    const user = await t.user();
    const res = await t
      .http()
      .post('/authentications')
      .send({ username: user.username, password: user.password });
    assert.equal(res.status, 201);
    const { accessToken, refreshToken } = res.body.data;
    const header = JSON.parse(Buffer.from(accessToken.split('.')[0], 'base64url').toString());
    assert.equal(header.alg, 'HS256');
    const claims = jwt.verify(accessToken, TEST_ACCESS_KEY) as jwt.JwtPayload;
    assert.equal(claims.sub, user.userId);
    assert.equal((claims.exp ?? 0) - (claims.iat ?? 0), 1800);
    assert.equal(typeof refreshToken, 'string');
  });

  test('refresh tokens are stored hashed, never in clear', async () => {
    const user = await t.user();
    const rows = await t.db('refresh_tokens').where({ user_id: user.userId }).select('token_hash');
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0].token_hash, user.refreshToken);
    assert.match(rows[0].token_hash, /^[0-9a-f]{64}$/);
  });

  test('POST /authentications with a wrong password or unknown user → 401 with one message', async () => {
    const user = await t.user();
    const wrong = await t
      .http()
      .post('/authentications')
      .send({ username: user.username, password: 'not-it' });
    const unknown = await t
      .http()
      .post('/authentications')
      .send({ username: unique('ghost'), password: 'whatever' });
    for (const res of [wrong, unknown]) {
      assert.equal(res.status, 401);
      assert.equal(res.body.status, 'fail');
      assert.equal(res.body.message, 'Wrong username or password');
    }
  });

  test('POST /authentications with a bad payload → 400', async () => {
    for (const body of [
      {},
      { username: 'a' },
      { username: 1, password: 'x' },
      { username: 'a', password: 'b', c: 1 },
    ]) {
      assert.equal((await t.http().post('/authentications').send(body)).status, 400, JSON.stringify(body));
    }
  });

  test('PUT /authentications with a refresh token → 200 and a working access token', async () => {
    const user = await t.user();
    const res = await t.http().put('/authentications').send({ refreshToken: user.refreshToken });
    assert.equal(res.status, 200);
    const { accessToken } = res.body.data;
    const playlists = await t.http().get('/playlists').set('Authorization', `Bearer ${accessToken}`);
    assert.equal(playlists.status, 200);
  });

  test('PUT /authentications with an unknown, forged or access token → 400', async () => {
    const user = await t.user();
    const forged = jwt.sign({ sub: user.userId, typ: 'refresh', jti: 'x' }, TEST_REFRESH_KEY);
    for (const refreshToken of [user.accessToken, 'not.a.token', forged]) {
      const res = await t.http().put('/authentications').send({ refreshToken });
      assert.equal(res.status, 400);
      assert.equal(res.body.status, 'fail');
    }
    assert.equal((await t.http().put('/authentications').send({})).status, 400);
  });

  test('DELETE /authentications logs out: the refresh token stops working; deleting again → 400', async () => {
    const user = await t.user();
    const out = await t.http().delete('/authentications').send({ refreshToken: user.refreshToken });
    assert.equal(out.status, 200);
    assert.equal(out.body.status, 'success');
    const refresh = await t.http().put('/authentications').send({ refreshToken: user.refreshToken });
    assert.equal(refresh.status, 400);
    assert.match(refresh.body.message, /logged out|revoked/);
    assert.equal(
      (await t.http().delete('/authentications').send({ refreshToken: user.refreshToken })).status,
      400,
    );
    assert.equal((await t.http().delete('/authentications').send({ refreshToken: 'unknown' })).status, 400);
  });

  test('logging out one session leaves the user’s other sessions working', async () => {
    const user = await t.user();
    const second = await t
      .http()
      .post('/authentications')
      .send({ username: user.username, password: user.password });
    await t.http().delete('/authentications').send({ refreshToken: user.refreshToken });
    const res = await t.http().put('/authentications').send({ refreshToken: second.body.data.refreshToken });
    assert.equal(res.status, 200);
  });
});

/**
 * Each test gets an app of its own, so its limiters start empty: no test spends another's budget, and
 * each passes alone or in any order.
 */
describe('authentications: rate limits', () => {
  const LIMITS = { LOGIN_RATE_LIMIT_PER_USERNAME: '3', LOGIN_RATE_LIMIT_PER_CLIENT: '8' };
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp(LIMITS);
  });
  afterEach(() => t.close());

  test('failed logins for one username from one client beyond the limit → 429 with Retry-After, even with the right password', async () => {
    const user = await t.user(); // one successful login, which does not count
    for (let i = 0; i < 3; i++) {
      const res = await t
        .http()
        .post('/authentications')
        .send({ username: user.username, password: 'wrong' });
      assert.equal(res.status, 401);
    }
    const blocked = await t
      .http()
      .post('/authentications')
      .send({ username: user.username, password: user.password });
    expectFail(blocked, 429, /Too many failed logins for this username from this client/);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
  });

  test('a client that fails for a username does not lock its owner out elsewhere', async () => {
    const user = await t.user();
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    for (let i = 0; i < 3; i++) {
      const res = await t
        .http()
        .post('/authentications')
        .set(from('198.51.100.7'))
        .send({ username: user.username, password: 'wrong' });
      assert.equal(res.status, 401);
    }
    const attacker = await t
      .http()
      .post('/authentications')
      .set(from('198.51.100.7'))
      .send({ username: user.username, password: user.password });
    assert.equal(attacker.status, 429, 'the guessing client is stopped');
    const owner = await t
      .http()
      .post('/authentications')
      .set(from('203.0.113.20'))
      .send({ username: user.username, password: user.password });
    assert.equal(owner.status, 201, 'the owner, from another address, logs in');
  });

  test('every spelling of a username is one account with one budget; a name outside the alphabet is nobody', async () => {
    const user = await t.user();
    const from = { 'X-Forwarded-For': '198.51.100.42' };
    const spellings = [user.username.toUpperCase(), ` ${user.username} `, fullWidth(user.username)];
    for (const spelling of spellings) {
      const res = await t
        .http()
        .post('/authentications')
        .set({ 'X-Forwarded-For': '198.51.100.41' })
        .send({ username: spelling, password: user.password });
      assert.equal(res.status, 201, `${JSON.stringify(spelling)} logs in as its owner`);
    }
    const twin = await t
      .http()
      .post('/users')
      .send({ username: user.username.toUpperCase(), password: 'twin-password', fullname: 'Twin' });
    expectFail(twin, 400, /already taken/);
    // An accent MySQL's collation would ignore: not the account, even with its password.
    const accented = `${user.username.slice(0, 2)}\u00e9${user.username.slice(3)}`;
    const sneaky = await t
      .http()
      .post('/authentications')
      .set({ 'X-Forwarded-For': '198.51.100.41' })
      .send({ username: accented, password: user.password });
    assert.equal(sneaky.status, 401);
    // Failures under three spellings are three failures of one name: the fourth attempt is refused.
    for (const spelling of spellings) {
      const res = await t
        .http()
        .post('/authentications')
        .set(from)
        .send({ username: spelling, password: 'wrong' });
      assert.equal(res.status, 401);
    }
    const blocked = await t
      .http()
      .post('/authentications')
      .set(from)
      .send({ username: user.username, password: user.password });
    assert.equal(blocked.status, 429);
  });

  test('attempts from one client beyond its limit → 429 whatever the username', async () => {
    const from = { 'X-Forwarded-For': '198.51.100.80' };
    const attempt = () =>
      t
        .http()
        .post('/authentications')
        .set(from)
        .send({ username: unique('nobody'), password: 'wrong' });
    for (let i = 0; i < Number(LIMITS.LOGIN_RATE_LIMIT_PER_CLIENT); i++) {
      assert.equal((await attempt()).status, 401, `attempt ${i + 1} is within the limit`);
    }
    const blocked = await attempt();
    expectFail(blocked, 429, /Too many login attempts from this client/);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    const other = await t
      .http()
      .post('/authentications')
      .set({ 'X-Forwarded-For': '198.51.100.81' })
      .send({ username: unique('nobody'), password: 'wrong' });
    assert.equal(other.status, 401, 'another client is not affected');
  });
});
