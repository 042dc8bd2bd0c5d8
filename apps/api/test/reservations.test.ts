import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectFail, type TestUser, unique, useTestApp } from './helpers/test-app.js';

/** The code alphabet has no look-alikes: no 0/O, 1/I/L. */
const CODE = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;

describe('reservations', () => {
  // A controllable clock that ticks one millisecond per reading, so "newest first" is well defined.
  let now = Date.now();
  const { t, admin } = useTestApp({}, () => now++);

  const reserve = (user: TestUser, body: object, key?: string) => {
    const req = t.http().post('/reservations').set(user.auth);
    if (key !== undefined) req.set('Idempotency-Key', key);
    return req.send(body);
  };

  const book = async (user: TestUser, showId: string, seats = 1) => {
    const res = await reserve(user, { showId, seats });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.data.reservation as { id: string; code: string; status: string };
  };

  const seatsLeft = async (showId: string) => {
    const res = await t.http().get(`/shows/${showId}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.data.show.seatsLeft as number;
  };

  const cancel = (user: TestUser, id: string) => t.http().delete(`/reservations/${id}`).set(user.auth);
  const getOne = (user: TestUser, id: string) => t.http().get(`/reservations/${id}`).set(user.auth);
  const mine = async (user: TestUser) => {
    const res = await t.http().get('/reservations').set(user.auth).query({ limit: 200 });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.data.reservations as { id: string; status: string }[];
  };

  /** A show that starts in a minute, then the clock moved past its start. */
  const startedShow = async (before: (showId: string) => Promise<void>) => {
    const showId = await t.addShow(admin, { capacity: 10, startsAt: new Date(now + 60_000).toISOString() });
    await before(showId);
    now += 120_000;
    return showId;
  };

  test('every reservation route without a token → 401', async () => {
    expectFail(await t.http().post('/reservations').send({ showId: 'show-x', seats: 1 }), 401);
    expectFail(await t.http().get('/reservations'), 401);
    expectFail(await t.http().get('/reservations/reservation-x'), 401);
    expectFail(await t.http().delete('/reservations/reservation-x'), 401);
  });

  test('POST /reservations → 201 confirmed reservation with a readable code; seatsLeft drops', async () => {
    const fan = await t.user();
    const showId = await t.addShow(admin, { capacity: 10 });
    const res = await reserve(fan, { showId, seats: 3 });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, 'success');
    const { reservation } = res.body.data;
    assert.deepEqual(Object.keys(reservation).sort(), [
      'code',
      'createdAt',
      'id',
      'seats',
      'showId',
      'status',
    ]);
    assert.match(reservation.id, /^reservation-/);
    assert.match(reservation.code, CODE);
    assert.equal(reservation.showId, showId);
    assert.equal(reservation.seats, 3);
    assert.equal(reservation.status, 'confirmed');
    assert.equal(new Date(reservation.createdAt).toISOString(), reservation.createdAt);
    assert.equal(res.headers['idempotent-replayed'], undefined);
    assert.equal(await seatsLeft(showId), 7);
  });

  test('POST /reservations with bad payloads → 400 naming the field; nothing booked', async () => {
    const fan = await t.user();
    const showId = await t.addShow(admin, { capacity: 10 });
    const cases: [unknown, RegExp][] = [
      [{ showId, seats: 0 }, /seats/],
      [{ showId, seats: 7 }, /seats/],
      [{ showId, seats: 2.5 }, /seats/],
      [{ showId, seats: '2' }, /seats/],
      [{ showId }, /seats/],
      [{ seats: 1 }, /showId/],
      [{ showId, seats: 1, extra: true }, /extra/],
      [[{ showId, seats: 1 }], /JSON object/],
    ];
    for (const [body, message] of cases) expectFail(await reserve(fan, body as object), 400, message);
    assert.equal(await seatsLeft(showId), 10);
  });

  test('POST /reservations for an unknown show → 404; for a show that has started → 400', async () => {
    const fan = await t.user();
    expectFail(await reserve(fan, { showId: 'show-nope', seats: 1 }), 404, /show-nope/);
    const showId = await startedShow(async () => {});
    expectFail(await reserve(fan, { showId, seats: 1 }), 400, /started/);
    assert.equal(await seatsLeft(showId), 10);
  });

  test('POST /reservations with fewer seats left → 409 "Only N seats left"; full → 409 sold out', async () => {
    const showId = await t.addShow(admin, { capacity: 4 });
    await book(await t.user(), showId, 2);
    const fan = await t.user();
    expectFail(await reserve(fan, { showId, seats: 3 }), 409, /^Only 2 seats left for this show$/);
    await book(fan, showId, 1);
    expectFail(await reserve(fan, { showId, seats: 2 }), 409, /^Only 1 seat left for this show$/);
    await book(fan, showId, 1);
    expectFail(await reserve(fan, { showId, seats: 1 }), 409, /^This show is sold out$/);
    assert.equal(await seatsLeft(showId), 0);
  });

  test('per-user limit: 6 confirmed seats per show over all reservations; cancelled seats do not count', async () => {
    const fan = await t.user();
    const showId = await t.addShow(admin, { capacity: 50 });
    await book(fan, showId, 4);
    const two = await book(fan, showId, 2);
    expectFail(await reserve(fan, { showId, seats: 1 }), 409, /limit is 6/);
    assert.equal((await cancel(fan, two.id)).status, 200);
    await book(fan, showId, 2);
    expectFail(await reserve(fan, { showId, seats: 1 }), 409, /limit/);
    await book(await t.user(), showId, 6);
    assert.equal(await seatsLeft(showId), 38);
  });

  test('per-user limit while holding 1 seat → 409 "You already hold 1 seat", on every database', async () => {
    const fan = await t.user();
    const showId = await t.addShow(admin, { capacity: 50 });
    await book(fan, showId, 1);
    expectFail(
      await reserve(fan, { showId, seats: 6 }),
      409,
      /^You already hold 1 seat for this show; the limit is 6 per person$/,
    );
    assert.equal(await seatsLeft(showId), 49);
  });

  test('Idempotency-Key replay: same user, key and body → identical 201, seats taken once', async () => {
    const fan = await t.user();
    const showId = await t.addShow(admin, { capacity: 10 });
    const key = unique('key-');
    const first = await reserve(fan, { showId, seats: 2 }, key);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.headers['idempotent-replayed'], undefined);
    const again = await reserve(fan, { showId, seats: 2 }, key);
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.body, first.body);
    assert.equal(await seatsLeft(showId), 8);
    assert.equal((await mine(fan)).length, 1);
  });

  test('Idempotency-Key with a different body → 422; from another user → books independently', async () => {
    const fan = await t.user();
    const other = await t.user();
    const showId = await t.addShow(admin, { capacity: 10 });
    const key = unique('key-');
    const first = await reserve(fan, { showId, seats: 2 }, key);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    expectFail(await reserve(fan, { showId, seats: 3 }, key), 422, /Idempotency-Key/);
    const theirs = await reserve(other, { showId, seats: 2 }, key);
    assert.equal(theirs.status, 201, JSON.stringify(theirs.body));
    assert.equal(theirs.headers['idempotent-replayed'], undefined);
    assert.notEqual(theirs.body.data.reservation.id, first.body.data.reservation.id);
    assert.equal(await seatsLeft(showId), 6);
  });

  test('Idempotency-Key whose first attempt was sold out → replays the 409 after seats free up', async () => {
    const holder = await t.user();
    const fan = await t.user();
    const showId = await t.addShow(admin, { capacity: 1 });
    const held = await book(holder, showId);
    const key = unique('key-');
    expectFail(await reserve(fan, { showId, seats: 1 }, key), 409, /sold out/);
    assert.equal((await cancel(holder, held.id)).status, 200);
    assert.equal(await seatsLeft(showId), 1);
    expectFail(await reserve(fan, { showId, seats: 1 }, key), 409, /sold out/);
    await book(fan, showId);
  });

  test('Idempotency-Key whose stored first result is malformed → 500 status error; nothing booked again', async () => {
    const fan = await t.user();
    const showId = await t.addShow(admin, { capacity: 10 });
    const key = unique('key-');
    assert.equal((await reserve(fan, { showId, seats: 2 }, key)).status, 201);
    await t
      .db('idempotency_keys')
      .where({ user_id: fan.userId, idempotency_key: key })
      .update({ outcome: '{"kind":"reserved"}' });
    const again = await reserve(fan, { showId, seats: 2 }, key);
    assert.equal(again.status, 500, JSON.stringify(again.body));
    assert.deepEqual(again.body, {
      status: 'error',
      message: 'An internal error occurred; it has been logged',
    });
    assert.equal(await seatsLeft(showId), 8);
  });

  test('Idempotency-Key compares exactly: keys that differ only in case book twice', async () => {
    const fan = await t.user();
    const showId = await t.addShow(admin, { capacity: 10 });
    const key = unique('Key-AbC-');
    const first = await reserve(fan, { showId, seats: 1 }, key);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const second = await reserve(fan, { showId, seats: 2 }, key.toLowerCase());
    assert.equal(second.status, 201, JSON.stringify(second.body));
    assert.equal(second.headers['idempotent-replayed'], undefined);
    assert.notEqual(second.body.data.reservation.id, first.body.data.reservation.id);
    assert.equal(await seatsLeft(showId), 7);
  });

  test('malformed Idempotency-Key (empty, over 200 chars, with a space) → 400; nothing booked', async () => {
    const fan = await t.user();
    const showId = await t.addShow(admin, { capacity: 10 });
    for (const key of ['', 'k'.repeat(201), 'has space']) {
      expectFail(await reserve(fan, { showId, seats: 1 }, key), 400, /Idempotency-Key/);
    }
    assert.equal(await seatsLeft(showId), 10);
    assert.equal((await reserve(fan, { showId, seats: 1 }, 'k'.repeat(200))).status, 201);
  });

  test('GET /reservations → only mine, newest first, with show details, paged with each once', async () => {
    const fan = await t.user();
    const showId = await t.addShow(admin, { capacity: 20 });
    const other = await book(await t.user(), showId);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await book(fan, showId)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const res = await t
        .http()
        .get('/reservations')
        .set(fan.auth)
        .query({ limit: 2, ...(cursor ? { cursor } : {}) });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.ok(res.body.data.reservations.length <= 2);
      for (const r of res.body.data.reservations) {
        assert.deepEqual(Object.keys(r.show).sort(), ['id', 'performer', 'startsAt', 'title', 'venue']);
        assert.equal(r.show.id, showId);
        seen.push(r.id);
      }
      cursor = res.body.data.nextCursor;
      if (!cursor) break;
    }
    assert.deepEqual(seen, [...ids].reverse());
    assert.ok(!seen.includes(other.id));
    expectFail(await t.http().get('/reservations?cursor=garbage').set(fan.auth), 400, /cursor/);
  });

  test("GET /reservations/:id → mine with the show; another user's or unknown → 404", async () => {
    const fan = await t.user();
    const showId = await t.addShow(admin, { capacity: 10 });
    const reservation = await book(fan, showId, 2);
    const res = await getOne(fan, reservation.id);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.data.reservation.id, reservation.id);
    assert.equal(res.body.data.reservation.code, reservation.code);
    assert.equal(res.body.data.reservation.seats, 2);
    assert.equal(res.body.data.reservation.show.id, showId);
    expectFail(await getOne(await t.user(), reservation.id), 404);
    expectFail(await getOne(fan, 'reservation-nope'), 404);
  });

  test('DELETE /reservations/:id → cancelled, seats return once; repeating → 200; others → 404', async () => {
    const fan = await t.user();
    const showId = await t.addShow(admin, { capacity: 10 });
    const reservation = await book(fan, showId, 3);
    expectFail(await cancel(await t.user(), reservation.id), 404);
    assert.equal(await seatsLeft(showId), 7);
    for (let i = 0; i < 2; i++) {
      const res = await cancel(fan, reservation.id);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.data.reservation.id, reservation.id);
      assert.equal(res.body.data.reservation.status, 'cancelled');
      assert.equal(await seatsLeft(showId), 10);
    }
    assert.equal((await getOne(fan, reservation.id)).body.data.reservation.status, 'cancelled');
    expectFail(await cancel(fan, 'reservation-nope'), 404);
  });

  test('DELETE /reservations/:id after the show has started → 409; it stays confirmed', async () => {
    const fan = await t.user();
    let reservationId = '';
    const showId = await startedShow(async (id) => {
      reservationId = (await book(fan, id, 2)).id;
    });
    expectFail(await cancel(fan, reservationId), 409, /started/);
    assert.equal((await getOne(fan, reservationId)).body.data.reservation.status, 'confirmed');
    assert.equal(await seatsLeft(showId), 8);
  });

  test('20 concurrent 1-seat reservations on a capacity-7 show → exactly 7 succeed', async () => {
    const showId = await t.addShow(admin, { capacity: 7 });
    const fans = await Promise.all(Array.from({ length: 10 }, () => t.user()));
    const replies = await Promise.all(
      fans.flatMap((fan) => [1, 2].map(() => reserve(fan, { showId, seats: 1 }))),
    );
    const statuses = replies.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, 7, JSON.stringify(statuses));
    assert.equal(statuses.filter((s) => s === 409).length, 13, JSON.stringify(statuses));
    assert.equal(await seatsLeft(showId), 0);
    const row = await t
      .db('reservations')
      .where({ show_id: showId, status: 'confirmed' })
      .sum({ total: 'seats' })
      .first();
    assert.equal(Number(row?.total), 7);
  });
});
