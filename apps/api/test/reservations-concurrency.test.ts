import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type ListeningApi, startApi } from '@musicapp/test-kit';
import jwt from 'jsonwebtoken';
import type { Knex } from 'knex';
import { TEST_ACCESS_KEY, TEST_REFRESH_KEY, unique } from './helpers/test-app.js';
import { createTestDatabase, type TestDatabase, testDialect } from './helpers/test-database.js';

const REPLICAS = 3;

interface Fan {
  id: string;
  token: string;
}

/**
 * The invariant under real concurrency: three api processes (replicas) on one fresh MariaDB database,
 * hundreds of simultaneous reservations spread over them. Fans are inserted directly and given tokens
 * signed with the replicas' key, so the proof spends its time on reservations, not on bcrypt.
 */
describe('reservations across 3 api processes on one database', {
  skip: testDialect() !== 'mysql' && 'needs a database server shared by several processes (TEST_DB=mysql)',
  timeout: 120_000,
}, () => {
  let database: TestDatabase;
  let replicas: ListeningApi[];
  let admin: Fan;
  let round = 0;

  const token = (id: string, role: 'user' | 'admin') =>
    jwt.sign({ sub: id, role, typ: 'access' }, TEST_ACCESS_KEY, { algorithm: 'HS256', expiresIn: 600 });

  async function makeFans(db: Knex, count: number): Promise<Fan[]> {
    const fans = Array.from({ length: count }, () => ({
      id: `user-${randomBytes(9).toString('base64url')}`,
    }));
    await db('users').insert(
      fans.map((fan) => ({
        id: fan.id,
        username: unique('fan'),
        password_hash: '$2b$10$not.a.real.hash.for.login.................................',
        fullname: 'Load Fan',
        role: 'user',
        created_at: Date.now(),
      })),
    );
    return fans.map((fan) => ({ ...fan, token: token(fan.id, 'user') }));
  }

  /** The next replica in turn, so requests spread evenly over the processes. */
  const nextBase = () => (replicas[round++ % REPLICAS] as ListeningApi).base;

  const call = async (
    method: string,
    path: string,
    fan: Fan,
    body?: object,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${nextBase()}${path}`, {
      method,
      headers: { authorization: `Bearer ${fan.token}`, 'content-type': 'application/json', ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return {
      status: res.status,
      body: (await res.json()) as { data?: { reservation?: { id: string; seats: number } } },
    };
  };

  async function createShow(capacity: number): Promise<string> {
    const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const res = await call('POST', '/shows', admin, {
      title: unique('Show '),
      performer: 'Band',
      venue: 'Hall',
      startsAt,
      capacity,
    });
    assert.equal(res.status, 201);
    return (res.body.data as { showId: string }).showId;
  }

  async function confirmedSeats(showId: string) {
    const sum = await database
      .db('reservations')
      .where({ show_id: showId, status: 'confirmed' })
      .sum({ seats: 'seats' })
      .first();
    const show = await database.db('shows').where({ id: showId }).first('reserved', 'capacity');
    return {
      confirmed: Number(sum?.seats ?? 0),
      reserved: Number(show.reserved),
      capacity: Number(show.capacity),
    };
  }

  before(async () => {
    database = await createTestDatabase();
    const { config } = database;
    assert.equal(config.client, 'mysql');
    const env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DB_HOST: config.host,
      DB_PORT: String(config.port),
      DB_NAME: config.database,
      DB_USER: config.user,
      DB_PASSWORD: config.password,
      ACCESS_TOKEN_KEY: TEST_ACCESS_KEY,
      REFRESH_TOKEN_KEY: TEST_REFRESH_KEY,
    };
    replicas = await Promise.all(Array.from({ length: REPLICAS }, () => startApi({ entry: 'source', env })));
    const [adminRow] = await makeFans(database.db, 1);
    await database.db('users').where({ id: adminRow?.id }).update({ role: 'admin' });
    admin = { id: adminRow?.id as string, token: token(adminRow?.id as string, 'admin') };
  });

  after(async () => {
    for (const replica of replicas ?? []) replica.kill();
    await database?.drop();
  });

  test('600 concurrent 1-seat reservations from 200 fans on a 100-seat show → exactly 100 confirmed, the rest 409, no 5xx', async () => {
    const showId = await createShow(100);
    const fans = await makeFans(database.db, 200);
    const attempts = fans.flatMap((fan) => [fan, fan, fan]);
    const results = await Promise.all(
      attempts.map((fan) => call('POST', '/reservations', fan, { showId, seats: 1 })),
    );

    const statuses = new Map<number, number>();
    for (const { status } of results) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    assert.deepEqual([...statuses.keys()].sort(), [201, 409], `statuses: ${JSON.stringify([...statuses])}`);
    const bookedSeats = results
      .filter((r) => r.status === 201)
      .reduce((sum, r) => sum + (r.body.data?.reservation?.seats ?? 0), 0);
    const { confirmed, reserved } = await confirmedSeats(showId);
    assert.equal(bookedSeats, 100);
    assert.equal(confirmed, 100);
    assert.equal(reserved, 100);
  });

  test('the same Idempotency-Key sent to all 3 replicas at once books once per fan', async () => {
    const showId = await createShow(100);
    const fans = await makeFans(database.db, 150);
    const results = await Promise.all(
      fans.flatMap((fan) => {
        const key = randomBytes(12).toString('hex');
        return [0, 1, 2].map(() =>
          call('POST', '/reservations', fan, { showId, seats: 1 }, { 'Idempotency-Key': key }).then((r) => ({
            fan: fan.id,
            ...r,
          })),
        );
      }),
    );
    for (const fan of fans) {
      const mine = results.filter((r) => r.fan === fan.id);
      const ids = new Set(mine.map((r) => r.body.data?.reservation?.id ?? `status ${r.status}`));
      assert.equal(ids.size, 1, `fan ${fan.id} got ${JSON.stringify(mine.map((r) => [r.status, r.body]))}`);
      assert.equal(new Set(mine.map((r) => r.status)).size, 1);
    }
    const perFan: { n: number }[] = await database
      .db('reservations')
      .where({ show_id: showId })
      .groupBy('user_id')
      .select(database.db.raw('count(*) as n'));
    assert.ok(
      perFan.every((row) => Number(row.n) === 1),
      'no fan holds two reservations',
    );
    const { confirmed, reserved } = await confirmedSeats(showId);
    assert.equal(confirmed, 100);
    assert.equal(reserved, 100);
    assert.equal(results.filter((r) => r.status === 201).length, 300);
  });

  test('cancels racing new reservations on a full show keep the invariant and lose nothing', async () => {
    const showId = await createShow(30);
    const holders = await makeFans(database.db, 30);
    const booked = await Promise.all(
      holders.map((fan) => call('POST', '/reservations', fan, { showId, seats: 1 })),
    );
    assert.ok(booked.every((r) => r.status === 201));
    const newcomers = await makeFans(database.db, 60);
    const race = await Promise.all([
      ...booked.map((r, i) =>
        call('DELETE', `/reservations/${r.body.data?.reservation?.id}`, holders[i] as Fan),
      ),
      ...newcomers.map((fan) => call('POST', '/reservations', fan, { showId, seats: 1 })),
    ]);
    assert.ok(
      race.every((r) => [200, 201, 409].includes(r.status)),
      JSON.stringify(race.map((r) => r.status)),
    );
    assert.ok(
      race.slice(0, 30).every((r) => r.status === 200),
      'every cancel succeeds',
    );
    const newlyBooked = race.slice(30).filter((r) => r.status === 201).length;
    const { confirmed, reserved, capacity } = await confirmedSeats(showId);
    assert.equal(confirmed, reserved);
    assert.ok(reserved <= capacity);
    assert.equal(confirmed, newlyBooked, 'every 201 is a confirmed reservation in the database');
  });

  test('a twin still holding the same Idempotency-Key past the lock wait → 409 "still being processed"', async () => {
    const showId = await createShow(10);
    const [fan] = await makeFans(database.db, 1);
    const key = randomBytes(8).toString('hex');
    // The twin: a transaction that claimed the key and has not committed yet.
    const twin = await database.db.transaction();
    try {
      await twin('idempotency_keys').insert({
        user_id: fan?.id,
        idempotency_key: key,
        request_hash: 'in-flight',
        outcome: '{}',
        created_at: Date.now(),
      });
      const res = await call(
        'POST',
        '/reservations',
        fan as Fan,
        { showId, seats: 1 },
        { 'Idempotency-Key': key },
      );
      assert.equal(res.status, 409);
      assert.match(JSON.stringify(res.body), /still being processed/);
    } finally {
      await twin.rollback();
    }
    const { confirmed } = await confirmedSeats(showId);
    assert.equal(confirmed, 0);
  });
});
