import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { variablesReachingTask } from '@musicapp/test-kit';
import { createTestDatabase, statedServer, TEST_DB_VARIABLES, testDialect } from './helpers/test-database.js';

/** `select version()` of the database every suite gets, or SQLite's. */
async function serverVersion(): Promise<{ dialect: 'mysql' | 'sqlite'; version: string }> {
  const database = await createTestDatabase({ migrate: false });
  try {
    const dialect = testDialect();
    const query = dialect === 'mysql' ? 'select version() as version' : 'select sqlite_version() as version';
    const result = await database.db.raw(query);
    const row = dialect === 'mysql' ? result[0][0] : result[0];
    return { dialect, version: String(row.version) };
  } finally {
    await database.drop();
  }
}

/**
 * Each pass (npm test, test:mariadb, test:mysql) runs on the server its script states, and fails
 * otherwise: a MariaDB or MySQL pass that lost TEST_DB, or reached the other server, would pass quietly.
 */
describe('the database this pass runs on', () => {
  test('is the server its script states in TEST_DB_SERVER (mariadb, mysql-9.7), or SQLite when none', async () => {
    const stated = statedServer(process.env.TEST_DB_SERVER);
    const { dialect, version } = await serverVersion();
    const said = `TEST_DB_SERVER=${process.env.TEST_DB_SERVER ?? ''}, TEST_DB=${process.env.TEST_DB ?? ''}`;
    if (stated.product === 'sqlite') {
      assert.equal(dialect, 'sqlite', `${said}: a pass on MySQL/MariaDB states its server in TEST_DB_SERVER`);
      assert.match(version, /^3\.\d+/);
      return;
    }
    assert.equal(dialect, 'mysql', `${said}: the suites would run on SQLite, not on ${stated.product}`);
    const mariadb = /mariadb/i.test(version);
    assert.equal(mariadb, stated.product === 'mariadb', `${said}, but the server is ${version}`);
    if (stated.version) {
      assert.ok(
        version === stated.version ||
          version.startsWith(`${stated.version}.`) ||
          version.startsWith(`${stated.version}-`),
        `${said}, but the server is ${version}`,
      );
    }
  });

  test('turbo hands TEST_DB, TEST_DB_SERVER and TEST_MYSQL_* to this test task', () => {
    const reaching = variablesReachingTask('@musicapp/api', 'test', TEST_DB_VARIABLES);
    const dropped = TEST_DB_VARIABLES.filter((name) => !reaching.has(name));
    assert.deepEqual(dropped, [], `turbo.json drops ${dropped.join(', ')}: declare them for the test task`);
  });

  test('a stated server is read as a product and a version prefix; anything else is refused', () => {
    assert.deepEqual(statedServer(undefined), { product: 'sqlite' });
    assert.deepEqual(statedServer('mariadb'), { product: 'mariadb' });
    assert.deepEqual(statedServer('mysql-9.7'), { product: 'mysql', version: '9.7' });
    assert.throws(() => statedServer('postgres'), /TEST_DB_SERVER=postgres/);
  });
});
