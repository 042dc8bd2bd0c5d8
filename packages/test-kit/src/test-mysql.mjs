import { randomBytes } from 'node:crypto';

/**
 * @typedef {object} MysqlServer
 * @property {string} host
 * @property {number} port
 * @property {string} user
 * @property {string} password
 */

/**
 * The MySQL/MariaDB server tests and benches make their throw-away databases on: TEST_MYSQL_HOST,
 * TEST_MYSQL_PORT, TEST_MYSQL_USER and TEST_MYSQL_PASSWORD, by default root without a password on
 * 127.0.0.1:3306 (`npm run test:mysql` points them at a container of the stack's db image).
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {MysqlServer}
 */
export function testMysqlServer(env = process.env) {
  return {
    host: env.TEST_MYSQL_HOST ?? '127.0.0.1',
    port: Number(env.TEST_MYSQL_PORT ?? 3306),
    user: env.TEST_MYSQL_USER ?? 'root',
    password: env.TEST_MYSQL_PASSWORD ?? '',
  };
}

/**
 * The api's settings for `database` on that server, as production runs it: NODE_ENV=production and
 * token keys of its own (every call makes new ones: pass ACCESS_TOKEN_KEY to share one).
 * @param {string} database
 * @returns {Record<string, string>}
 */
export function apiEnvOnTestMysql(database) {
  const server = testMysqlServer();
  return {
    NODE_ENV: 'production',
    DB_HOST: server.host,
    DB_PORT: String(server.port),
    DB_USER: server.user,
    DB_PASSWORD: server.password,
    DB_NAME: database,
    ACCESS_TOKEN_KEY: randomBytes(32).toString('hex'),
    REFRESH_TOKEN_KEY: randomBytes(32).toString('hex'),
  };
}
