import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiEnvOnTestMysql, testMysqlServer } from '../src/index.mjs';

test('the test MySQL server is root without a password on 127.0.0.1:3306 unless TEST_MYSQL_* say otherwise', () => {
  assert.deepEqual(testMysqlServer({}), { host: '127.0.0.1', port: 3306, user: 'root', password: '' });
  const elsewhere = {
    TEST_MYSQL_HOST: 'db',
    TEST_MYSQL_PORT: '3307',
    TEST_MYSQL_USER: 'u',
    TEST_MYSQL_PASSWORD: 'p',
  };
  assert.deepEqual(testMysqlServer(elsewhere), { host: 'db', port: 3307, user: 'u', password: 'p' });
});

test('the api settings for a test database run it as production does, with keys of its own', () => {
  const one = apiEnvOnTestMysql('musicapp_test_one');
  const two = apiEnvOnTestMysql('musicapp_test_two');
  assert.equal(one.NODE_ENV, 'production');
  assert.equal(one.DB_NAME, 'musicapp_test_one');
  assert.equal(one.DB_HOST, testMysqlServer().host);
  assert.match(one.ACCESS_TOKEN_KEY ?? '', /^[0-9a-f]{64}$/);
  assert.notEqual(one.ACCESS_TOKEN_KEY, two.ACCESS_TOKEN_KEY);
  assert.notEqual(one.ACCESS_TOKEN_KEY, one.REFRESH_TOKEN_KEY);
});
