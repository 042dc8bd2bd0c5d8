import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import request from 'supertest';
import { createLogger } from '../src/logger.js';
import { createCheckedApp, testConfig } from './helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

/**
 * A failed request's log says what failed, never the values it carried: drivers put the statement with
 * its bound values (usernames, names, password and token hashes) in an error's message, stack and `sql`.
 */
describe('error logs', () => {
  let database: TestDatabase;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  let app: ReturnType<typeof createCheckedApp>;

  before(async () => {
    database = await createTestDatabase();
    app = createCheckedApp({
      db: database.db,
      config: { ...testConfig(), db: database.config },
      logger: createLogger('error', sink),
    });
    // The users table gone: every statement on it fails in the driver, with its values in the message.
    await database.db.schema.renameTable('users', 'users_away');
  });
  after(() => database.drop());

  test('a database failure is a 500 whose log names the error, not the values', async () => {
    const values = { username: 'leakyname9431', password: 'leaky-password-7713', fullname: 'Leaky Fullname' };
    const res = await request(app).post('/users').send(values);
    assert.equal(res.status, 500, res.text);
    const failed = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'request failed');
    assert.ok(failed, `no "request failed" line in ${lines.join('\n')}`);
    assert.ok(failed.err?.code, 'the driver error code is logged');
    assert.ok(failed.err?.stack?.includes(' at '), 'the stack frames are logged');
    const text = lines.join('\n');
    for (const value of [values.username, values.fullname, '$2']) {
      assert.ok(!text.includes(value), `the log carries ${value}: ${text}`);
    }
    assert.ok(!/insert into|select .* from/i.test(text), `the log carries the statement: ${text}`);
  });
});
