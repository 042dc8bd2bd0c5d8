import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  expectFail,
  fullWidth,
  startTestApp,
  type TestApp,
  type TestUser,
  unique,
} from './helpers/test-app.js';

describe('users', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('POST /users → 201 with a user- id; the password is stored as a bcrypt hash of cost ≥ 10', async () => {
    const username = unique('miles');
    const res = await t
      .http()
      .post('/users')
      .send({ username, password: 'secret-pass', fullname: 'Miles Davis' });
    assert.equal(res.status, 201);
    assert.equal(res.body.status, 'success');
    assert.match(res.body.data.userId, /^user-/);
    const row = await t.db('users').where({ username }).first('password_hash', 'role');
    assert.match(row.password_hash, /^\$2[aby]\$(1\d)\$/);
    assert.ok(Number(row.password_hash.slice(4, 6)) >= 10);
    assert.equal(row.role, 'user');
  });

  test('POST /users with a taken username → 400 saying it is taken', async () => {
    const username = unique('dup');
    const body = { username, password: 'secret-pass', fullname: 'First' };
    assert.equal((await t.http().post('/users').send(body)).status, 201);
    const again = await t
      .http()
      .post('/users')
      .send({ ...body, fullname: 'Second' });
    assert.equal(again.status, 400);
    assert.equal(again.body.status, 'fail');
    assert.match(again.body.message, /already taken/);
  });

  test('two concurrent registrations of one username → exactly one 201', async () => {
    const username = unique('race');
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        t.http().post('/users').send({ username, password: 'secret-pass', fullname: 'Racer' }),
      ),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 400, 400]);
  });

  test('POST /users with bad payloads → 400 naming the field', async () => {
    const good = { username: unique('u'), password: 'secret-pass', fullname: 'Full Name' };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...good, username: undefined }, /username/],
      [{ ...good, username: 'has space' }, /username/],
      [{ ...good, username: 'ab' }, /username/],
      [{ ...good, password: 'short' }, /password/],
      [{ ...good, password: 'x'.repeat(73) }, /password/],
      [{ ...good, fullname: 42 }, /fullname/],
      [{ ...good, role: 'admin' }, /role/],
    ];
    for (const [body, message] of cases) {
      const res = await t.http().post('/users').send(body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match(res.body.message, message);
    }
  });

  describe('GET /users?username=', () => {
    let searcher: TestUser;
    before(async () => {
      searcher = await t.user();
    });
    const lookup = (username: string) => t.http().get('/users').query({ username }).set(searcher.auth);

    test('an existing username → 200 with that user’s id, username and fullname only', async () => {
      const username = unique('coltrane');
      const created = await t
        .http()
        .post('/users')
        .send({ username, password: 'secret-pass', fullname: 'John Coltrane' });
      const res = await lookup(username);
      assert.equal(res.status, 200);
      assert.equal(res.body.status, 'success');
      assert.deepEqual(res.body.data, {
        users: [{ id: created.body.data.userId, username, fullname: 'John Coltrane' }],
      });
    });

    test('a username nobody has → 200 with an empty list', async () => {
      const res = await lookup(unique('nobody'));
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.data, { users: [] });
    });

    test('only the whole username matches: a prefix, a substring or a pattern finds nobody', async () => {
      const user = await t.user();
      for (const part of [
        user.username.slice(0, -1),
        user.username.slice(1),
        `${user.username.slice(0, 4)}%`,
        '_%',
      ]) {
        const res = await lookup(part);
        assert.equal(res.status, 200, part);
        assert.deepEqual(res.body.data.users, [], part);
      }
      const padded = await lookup(`  ${user.username} `);
      assert.deepEqual(
        padded.body.data.users.map((u: { id: string }) => u.id),
        [user.userId],
        'surrounding spaces are ignored',
      );
    });

    test('a username in any case or width finds its one owner, on every database', async () => {
      const user = await t.user();
      for (const spelling of [user.username.toUpperCase(), fullWidth(user.username)]) {
        const res = await lookup(spelling);
        assert.equal(res.status, 200);
        assert.deepEqual(
          res.body.data.users.map((u: { id: string }) => u.id),
          [user.userId],
          spelling,
        );
      }
    });

    test('a missing, blank, overlong or repeated username → 400 naming username', async () => {
      expectFail(await t.http().get('/users').set(searcher.auth), 400, /username/);
      expectFail(await lookup('   '), 400, /username must not be empty/);
      expectFail(await lookup('x'.repeat(51)), 400, /username must be at most 50 characters/);
      expectFail(await t.http().get('/users?username=a&username=b').set(searcher.auth), 400, /username/);
    });

    test('without a token → 401, and nothing is revealed', async () => {
      const res = await t.http().get('/users').query({ username: searcher.username });
      expectFail(res, 401);
      assert.equal(JSON.stringify(res.body).includes(searcher.userId), false);
    });
  });
});

describe('registrations: rate limit', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ REGISTRATION_RATE_LIMIT_PER_CLIENT: '3' });
  });
  after(() => t.close());

  const register = (address: string, body: Record<string, unknown>) =>
    t.http().post('/users').set('X-Forwarded-For', address).send(body);
  const account = () => ({ username: unique('flood'), password: 'secret-pass', fullname: 'Flood' });

  test('a client makes a few accounts an hour, then 429; refused payloads do not count; others are not affected', async () => {
    for (let i = 0; i < 5; i++) {
      assert.equal((await register('198.51.100.60', { username: 'x' })).status, 400, 'invalid: not counted');
    }
    for (let i = 0; i < 3; i++) assert.equal((await register('198.51.100.60', account())).status, 201);
    const flood = await register('198.51.100.60', account());
    expectFail(flood, 429, /Too many accounts created from this client/);
    assert.ok(Number(flood.headers['retry-after']) > 0);
    assert.equal((await register('198.51.100.61', account())).status, 201, 'another client registers');
  });
});
