import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import type { Express } from 'express';
import type { Knex } from 'knex';
import request from 'supertest';
import { type AppDeps, createApp } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import { type Config, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { usersRepository } from '../../src/modules/users/users.repository.js';
import { usersService } from '../../src/modules/users/users.service.js';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './test-database.js';

export const TEST_ACCESS_KEY = 'test-access-token-key-0123456789abcdef-0123456789';
export const TEST_REFRESH_KEY = 'test-refresh-token-key-0123456789abcdef-012345678';

/** A value no other test uses: tests own their data and never depend on each other's rows. */
export const unique = (prefix: string) => `${prefix}${randomBytes(5).toString('hex')}`;

/** The full-width spelling of an ASCII name (ａｄｍｉｎ for admin), as some keyboards type it. */
export const fullWidth = (ascii: string) =>
  [...ascii].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');

/** What a failed request answers: `{ status: 'fail', message }`. */
export type Reply = { status: number; body: { status: string; message: string } };

/** Expects a `fail` reply with this status and, if given, a message matching `message`. */
export function expectFail(res: Reply, status: number, message?: RegExp) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.body.status, 'fail');
  if (message) assert.match(res.body.message, message);
}

export interface TestUser {
  userId: string;
  username: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  /** `{ Authorization: 'Bearer …' }` for `.set(...)`. */
  auth: { Authorization: string };
}

/** Fields of `POST /albums`; any left out get a unique name and the year 2001. */
export interface AlbumFields {
  name?: string;
  year?: number;
}

/** Fields of `POST /songs`; any left out get a unique title and performer, 2010 and 'Pop'. */
export interface SongFields {
  title?: string;
  year?: number;
  genre?: string;
  performer?: string;
  duration?: number;
  albumId?: string;
}

/**
 * Fields of `POST /shows`; any left out get a unique title, 'Coldplay' at 'Wembley', 100 seats,
 * starting 30 days after the app's clock.
 */
export interface ShowFields {
  title?: string;
  performer?: string;
  venue?: string;
  startsAt?: string;
  capacity?: number;
  albumId?: string;
}

const DAY = 24 * 3_600_000;

export interface TestApp {
  app: Express;
  db: Knex;
  config: Config;
  http: () => ReturnType<typeof request>;
  /** Registers and logs in a new user through the API. */
  user(): Promise<TestUser>;
  /** An admin made by the start-up bootstrap, logged in through the API. */
  admin(): Promise<TestUser>;
  /** Creates an album through the API as `admin`, expects 201 and returns its id. */
  addAlbum(admin: TestUser, fields?: AlbumFields): Promise<string>;
  /** Creates a song through the API as `admin`, expects 201 and returns its id. */
  addSong(admin: TestUser, fields?: SongFields): Promise<string>;
  /** Creates a show through the API as `admin`, expects 201 and returns its id. */
  addShow(admin: TestUser, fields?: ShowFields): Promise<string>;
  /** Creates a playlist owned by `owner` through the API, expects 201 and returns its id. */
  addPlaylist(owner: TestUser, name?: string): Promise<string>;
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
    REGISTRATION_RATE_LIMIT_PER_CLIENT: '100000',
    ...env,
  });
}

export async function login(app: Express, username: string, password: string) {
  const res = await request(app).post('/authentications').send({ username, password });
  if (res.status !== 201)
    throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as { accessToken: string; refreshToken: string };
}

/**
 * `createApp` as every test builds it: each answer held to its route's declared response schema, so every
 * suite is a contract test too (a drift is a 500 whose message names it).
 */
export function createCheckedApp(deps: Omit<AppDeps, 'checkResponses'>): Express {
  return createApp({ ...deps, checkResponses: true });
}

/** Builds an app on an existing database (for several "replicas" on one database). */
export function buildApp(database: TestDatabase, env: Record<string, string> = {}, clock?: Clock) {
  const config: Config = { ...testConfig(env), db: database.config };
  const app = createCheckedApp({
    db: database.db,
    config,
    logger: createLogger('silent'),
    ...(clock ? { clock } : {}),
  });
  return { app, config };
}

/** A fresh database and an app on it; `close()` drops the database. */
export async function startTestApp(
  env: Record<string, string> = {},
  clock?: Clock,
  databaseOptions: TestDatabaseOptions = {},
): Promise<TestApp> {
  const database = await createTestDatabase(databaseOptions);
  const { app, config } = buildApp(database, env, clock);

  async function loggedIn(userId: string, username: string, password: string): Promise<TestUser> {
    const tokens = await login(app, username, password);
    return { userId, username, password, ...tokens, auth: { Authorization: `Bearer ${tokens.accessToken}` } };
  }

  /** POSTs `body` to `path` as `by`, expects 201 and returns `data[idField]`. */
  async function create(by: TestUser, path: string, body: object, idField: string): Promise<string> {
    const res = await request(app).post(path).set(by.auth).send(body);
    assert.equal(
      res.status,
      201,
      `POST ${path} ${JSON.stringify(body)} as ${by.username} → ${res.status} ${JSON.stringify(res.body)}`,
    );
    return res.body.data[idField] as string;
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
    addAlbum: (admin, fields = {}) =>
      create(admin, '/albums', { name: unique('Album '), year: 2001, ...fields }, 'albumId'),
    addSong: (admin, fields = {}) =>
      create(
        admin,
        '/songs',
        { title: unique('Song '), year: 2010, genre: 'Pop', performer: unique('Band '), ...fields },
        'songId',
      ),
    addShow: (admin, fields = {}) =>
      create(
        admin,
        '/shows',
        {
          title: unique('Show '),
          performer: 'Coldplay',
          venue: 'Wembley',
          capacity: 100,
          ...fields,
          startsAt: fields.startsAt ?? new Date((clock ?? Date.now)() + 30 * DAY).toISOString(),
        },
        'showId',
      ),
    addPlaylist: (owner, name = unique('Playlist ')) => create(owner, '/playlists', { name }, 'playlistId'),
    close: () => database.drop(),
  };
}

/**
 * For the enclosing `describe`: a fresh app and an admin on it, started in `before` and dropped in
 * `after`. The returned objects are filled in by `before`, so use them only in hooks and tests.
 */
export function useTestApp(env: Record<string, string> = {}, clock?: Clock) {
  const t = {} as TestApp;
  const admin = {} as TestUser;
  before(async () => {
    Object.assign(t, await startTestApp(env, clock));
    Object.assign(admin, await t.admin());
  });
  after(() => t.close());
  return { t, admin };
}
