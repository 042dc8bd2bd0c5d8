import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  BookingRequest,
  BookingStrategy,
  ReservationIdentity,
} from '../src/modules/reservations/booking.js';
import { bookWithKnex } from '../src/modules/reservations/booking.knex.js';
import { bookInProcedure } from '../src/modules/reservations/booking.procedure.js';
import { newReservationCode } from '../src/modules/reservations/reservation-code.js';
import { reservationsRepository } from '../src/modules/reservations/reservations.repository.js';
import { startTestApp, type TestApp, unique } from './helpers/test-app.js';
import { createTestDatabase, type TestDatabase, testDialect } from './helpers/test-database.js';

/**
 * The same scenarios through each strategy on one database, each expecting the same literal outcomes:
 * on SQLite only knex can run; on MySQL/MariaDB the knex statements and the procedure must agree.
 */
describe('both booking strategies give the same outcomes', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.drop());

  const strategies: [string, (db: TestDatabase['db']) => BookingStrategy][] = [['knex', bookWithKnex]];
  if (testDialect() === 'mysql') strategies.push(['procedure reserve_seats', bookInProcedure]);

  const now = Date.now();
  const DAY = 24 * 3_600_000;

  const addUser = async () => {
    const id = unique('user-');
    await database.db('users').insert({
      id,
      username: unique('fan'),
      password_hash: '$2b$10$not.a.real.hash',
      fullname: 'Fan',
      role: 'user',
      created_at: now,
    });
    return id;
  };

  const addShow = async (capacity: number, startsAt = now + DAY) => {
    const id = unique('show-');
    await database.db('shows').insert({
      id,
      title: unique('Show '),
      performer: 'Coldplay',
      venue: 'Wembley',
      starts_at: startsAt,
      capacity,
      reserved: 0,
      created_at: now,
    });
    return id;
  };

  const seatsLeft = async (showId: string) => {
    const show = await database.db('shows').where('id', showId).first('capacity', 'reserved');
    return Number(show.capacity) - Number(show.reserved);
  };

  /** A fresh id and a fresh code, or the codes given, in turn. */
  const identities = (...codes: string[]) => {
    const drawn: ReservationIdentity[] = [];
    const draw = () => {
      const identity = { id: unique('reservation-'), code: codes.shift() ?? newReservationCode() };
      drawn.push(identity);
      return identity;
    };
    return { draw, drawn };
  };

  const reservedAs = (identity: ReservationIdentity | undefined, showId: string, seats: number) => ({
    kind: 'reserved',
    reservation: {
      id: identity?.id,
      code: identity?.code,
      showId,
      seats,
      status: 'confirmed',
      createdAt: new Date(now).toISOString(),
    },
  });

  for (const [name, strategy] of strategies) {
    describe(name, () => {
      const reserve = (request: Omit<BookingRequest, 'now' | 'maxPerUser'>, draw = identities().draw) =>
        reservationsRepository(database.db, strategy(database.db)).reserve(
          { now, maxPerUser: 6, ...request },
          draw,
        );

      test('seats left → reserved with the drawn id and code; the seats are taken', async () => {
        const [userId, showId] = [await addUser(), await addShow(10)];
        const { draw, drawn } = identities();
        const result = await reserve({ userId, showId, seats: 3 }, draw);
        assert.deepEqual(result, { replayed: false, outcome: reservedAs(drawn[0], showId, 3) });
        assert.equal(await seatsLeft(showId), 7);
      });

      test('unknown show → show-not-found; started show → show-started; nothing taken', async () => {
        const userId = await addUser();
        const missing = await reserve({ userId, showId: 'show-nope', seats: 1 });
        assert.deepEqual(missing, { replayed: false, outcome: { kind: 'show-not-found' } });
        const showId = await addShow(10, now - 1);
        const started = await reserve({ userId, showId, seats: 1 });
        assert.deepEqual(started, { replayed: false, outcome: { kind: 'show-started' } });
        assert.equal(await seatsLeft(showId), 10);
      });

      test('fewer seats left than asked → sold-out with the seats left, then with 0', async () => {
        const showId = await addShow(4);
        await reserve({ userId: await addUser(), showId, seats: 3 });
        const userId = await addUser();
        assert.deepEqual(await reserve({ userId, showId, seats: 2 }), {
          replayed: false,
          outcome: { kind: 'sold-out', seatsLeft: 1 },
        });
        await reserve({ userId, showId, seats: 1 });
        assert.deepEqual(await reserve({ userId, showId, seats: 1 }), {
          replayed: false,
          outcome: { kind: 'sold-out', seatsLeft: 0 },
        });
      });

      test('over the per-user limit → over-user-limit with the seats held, as a number', async () => {
        const [userId, showId] = [await addUser(), await addShow(50)];
        await reserve({ userId, showId, seats: 1 });
        assert.deepEqual(await reserve({ userId, showId, seats: 6 }), {
          replayed: false,
          outcome: { kind: 'over-user-limit', held: 1 },
        });
        assert.equal(await seatsLeft(showId), 49);
      });

      test('the same Idempotency-Key again → the first outcome replayed, nothing booked twice', async () => {
        const [userId, showId] = [await addUser(), await addShow(10)];
        const claim = { key: unique('Key-'), requestHash: 'hash-1' };
        const { draw, drawn } = identities();
        const first = await reserve({ userId, showId, seats: 2, claim }, draw);
        const again = await reserve({ userId, showId, seats: 2, claim: { ...claim, requestHash: 'hash-2' } });
        assert.deepEqual(first, { replayed: false, outcome: reservedAs(drawn[0], showId, 2) });
        assert.deepEqual(again, { replayed: true, requestHash: 'hash-1', outcome: first.outcome });
        assert.equal(await seatsLeft(showId), 8);
      });

      test('a refused first attempt under a key → the same refusal replayed after seats free up', async () => {
        const showId = await addShow(1);
        const holder = await addUser();
        const { draw, drawn } = identities();
        await reserve({ userId: holder, showId, seats: 1 }, draw);
        const userId = await addUser();
        const claim = { key: unique('Key-'), requestHash: 'hash' };
        const first = await reserve({ userId, showId, seats: 1, claim });
        assert.deepEqual(first.outcome, { kind: 'sold-out', seatsLeft: 0 });
        await database.db('reservations').where('id', drawn[0]?.id).update({ status: 'cancelled' });
        await database.db('shows').where('id', showId).update({ reserved: 0 });
        const again = await reserve({ userId, showId, seats: 1, claim });
        assert.deepEqual(again, { replayed: true, requestHash: 'hash', outcome: first.outcome });
      });

      test('a drawn code that already exists → drawn again, reserved once', async () => {
        const showId = await addShow(10);
        const taken = identities();
        await reserve({ userId: await addUser(), showId, seats: 1 }, taken.draw);
        const takenCode = taken.drawn[0]?.code ?? '';
        const { draw, drawn } = identities(takenCode);
        const result = await reserve({ userId: await addUser(), showId, seats: 2 }, draw);
        assert.equal(drawn.length, 2);
        assert.deepEqual(result, { replayed: false, outcome: reservedAs(drawn[1], showId, 2) });
        assert.equal(await seatsLeft(showId), 7);
      });
    });
  }
});

describe('a procedure that answers a malformed outcome', {
  skip: testDialect() !== 'mysql' && 'stored procedures are MySQL/MariaDB only (TEST_DB=mysql)',
}, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('POST /reservations → 500 status error with no detail, never a wrong 201 or 409', async () => {
    const showId = await t.addShow(await t.admin(), { capacity: 10 });
    const fan = await t.user();
    // A reserve_seats that drifted from the contract: same parameters, a count that is not one.
    await t.db.raw('drop procedure reserve_seats');
    await t.db.raw(`create procedure reserve_seats(
        in p_id text, in p_code text, in p_show text, in p_user text, in p_seats int, in p_now bigint,
        in p_max_per_user int, in p_key text, in p_hash text, in p_reserved_outcome text)
      select '{"kind": "sold-out", "seatsLeft": "many"}' as outcome`);
    const res = await t.http().post('/reservations').set(fan.auth).send({ showId, seats: 1 });
    assert.equal(res.status, 500, JSON.stringify(res.body));
    assert.deepEqual(res.body, {
      status: 'error',
      message: 'An internal error occurred; it has been logged',
    });
  });
});
