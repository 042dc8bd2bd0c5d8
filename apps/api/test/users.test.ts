import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp, unique } from './helpers/test-app.js';

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
});
