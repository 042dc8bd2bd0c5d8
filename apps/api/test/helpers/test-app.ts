import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import type { Knex } from 'knex';
import request from 'supertest';
import { createApp } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import { type Config, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { usersRepository } from '../../src/modules/users/users.repository.js';
import { usersService } from '../../src/modules/users/users.service.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TEST_ACCESS_KEY = 'test-access-token-key-0123456789abcdef-0123456789';
export const TEST_REFRESH_KEY = 'test-refresh-token-key-0123456789abcdef-012345678';

/** A value no other test uses: tests own their data and never depend on each other's rows. */
export const unique = (prefix: string) => `${prefix}${randomBytes(5).toString('hex')}`;

export interface TestUser {
  userId: string;
  username: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  /** `{ Authorization: 'Bearer …' }` for `.set(...)`. */
  auth: { Authorization: string };
}

export interface TestApp {
  app: Express;
  db: Knex;
  config: Config;
  http: () => ReturnType<typeof request>;
  /** Registers and logs in a new user through the API. */
  user(): Promise<TestUser>;
  /** An admin made by the start-up bootstrap, logged in through the API. */
  admin(): Promise<TestUser>;
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ACCESS_TOKEN_KEY: TEST_ACCESS_KEY,
    REFRESH_TOKEN_KEY: TEST_REFRESH_KEY,
    BCRYPT_COST: '10',
    LOGIN_RATE_LIMIT_PER_CLIENT: '100000',
    LOGIN_RATE_LIMIT_PER_USERNAME: '100000',
    ...env,
  });
}

export async function login(app: Express, username: string, password: string) {
  const res = await request(app).post('/authentications').send({ username, password });
  if (res.status !== 201)
    throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as { accessToken: string; refreshToken: string };
}

/** Builds an app on an existing database (for several "replicas" on one database). */
export function buildApp(database: TestDatabase, env: Record<string, string> = {}, clock?: Clock) {
  const config: Config = { ...testConfig(env), db: database.config };
  const app = createApp({
    db: database.db,
    config,
    logger: createLogger('silent'),
    ...(clock ? { clock } : {}),
  });
  return { app, config };
}

/** A fresh database and an app on it; `close()` drops the database. */
export async function startTestApp(env: Record<string, string> = {}, clock?: Clock): Promise<TestApp> {
  const database = await createTestDatabase();
  const { app, config } = buildApp(database, env, clock);

  async function loggedIn(userId: string, username: string, password: string): Promise<TestUser> {
    const tokens = await login(app, username, password);
    return { userId, username, password, ...tokens, auth: { Authorization: `Bearer ${tokens.accessToken}` } };
  }

  return {
    app,
    db: database.db,
    config,
    http: () => request(app),
    async user() {
      const username = unique('user');
      const password = `pw-${unique('')}`;
      const res = await request(app)
        .post('/users')
        .send({ username, password, fullname: `Test ${username}` });
      if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
      return loggedIn(res.body.data.userId, username, password);
    },
    async admin() {
      const username = unique('admin');
      const password = `pw-${unique('')}`;
      const users = usersService(usersRepository(database.db), config.bcryptCost, Date.now);
      await users.ensureAdmin({ username, password, fullname: 'Test Admin' });
      const row = await database.db('users').where({ username }).first('id');
      return loggedIn(row.id, username, password);
    },
    close: () => database.drop(),
  };
}
