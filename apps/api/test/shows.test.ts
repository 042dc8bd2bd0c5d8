import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  expectFail,
  startTestApp,
  type TestApp,
  type TestUser,
  unique,
  useTestApp,
} from './helpers/test-app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHOW_KEYS = 'albumId capacity id performer seatsLeft startsAt title venue'.split(' ');

describe('shows', () => {
  let now = Date.now();
  const { t, admin } = useTestApp({}, () => now);

  const payload = (overrides: Record<string, unknown> = {}) => ({
    title: unique('Show '),
    performer: 'Coldplay',
    venue: 'Wembley',
    startsAt: new Date(now + 30 * DAY).toISOString(),
    capacity: 100,
    ...overrides,
  });

  const put = (showId: string, body: object) => t.http().put(`/shows/${showId}`).set(admin.auth).send(body);
  const remove = (showId: string) => t.http().delete(`/shows/${showId}`).set(admin.auth);

  const getShow = async (showId: string) => {
    const res = await t.http().get(`/shows/${showId}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.data.show;
  };

  const reserve = async (showId: string, seats: number, user?: TestUser) => {
    const fan = user ?? (await t.user());
    const res = await t.http().post('/reservations').set(fan.auth).send({ showId, seats });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { fan, reservationId: res.body.data.reservation.id as string };
  };

  /** Every show of `GET /shows` with this query, following nextCursor to the end. */
  const listAll = async (query: Record<string, string | number>) => {
    const seen: { id: string; title: string; startsAt: string }[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const res = await t
        .http()
        .get('/shows')
        .query({ ...query, ...(cursor ? { cursor } : {}) });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.ok(res.body.data.shows.length <= Number(query.limit ?? 50));
      for (const show of res.body.data.shows) assert.deepEqual(Object.keys(show).sort(), SHOW_KEYS);
      seen.push(...res.body.data.shows);
      cursor = res.body.data.nextCursor;
      if (!cursor) break;
    }
    return seen;
  };

  test('POST /shows as admin → 201 with a show- id; GET /shows/:id → the show', async () => {
    const body = payload({ startsAt: '2090-05-01T20:00:00+02:00', capacity: 250 });
    const res = await t.http().post('/shows').set(admin.auth).send(body);
    assert.equal(res.status, 201);
    assert.equal(res.body.status, 'success');
    assert.match(res.body.data.showId, /^show-/);
    const show = await getShow(res.body.data.showId);
    assert.deepEqual(show, {
      id: res.body.data.showId,
      title: body.title,
      performer: 'Coldplay',
      venue: 'Wembley',
      startsAt: '2090-05-01T18:00:00.000Z',
      capacity: 250,
      seatsLeft: 250,
      albumId: null,
    });
  });

  test('POST /shows with an album → albumId kept; unknown albumId → 404', async () => {
    const albumId = await t.addAlbum(admin, { year: 2008 });
    const showId = await t.addShow(admin, { albumId });
    assert.equal((await getShow(showId)).albumId, albumId);
    const res = await t
      .http()
      .post('/shows')
      .set(admin.auth)
      .send(payload({ albumId: 'album-nope' }));
    expectFail(res, 404, /album-nope/);
  });

  test('POST /shows with startsAt in the past → 400', async () => {
    const res = await t
      .http()
      .post('/shows')
      .set(admin.auth)
      .send(payload({ startsAt: new Date(now - HOUR).toISOString() }));
    expectFail(res, 400, /startsAt/);
  });

  test('POST /shows with capacity 1 and 1,000,000 → 201 (bounds)', async () => {
    for (const capacity of [1, 1_000_000]) {
      assert.equal((await getShow(await t.addShow(admin, { capacity }))).seatsLeft, capacity);
    }
  });

  test('POST /shows with bad payloads or unknown fields → 400 naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [payload({ title: undefined }), /title/],
      [payload({ performer: '' }), /performer/],
      [payload({ venue: 42 }), /venue/],
      [payload({ startsAt: '2090-05-01T20:00:00' }), /startsAt/],
      [payload({ startsAt: 'tomorrow' }), /startsAt/],
      [payload({ capacity: 0 }), /capacity/],
      [payload({ capacity: 1_000_001 }), /capacity/],
      [payload({ capacity: 2.5 }), /capacity/],
      [payload({ capacity: '10' }), /capacity/],
      [payload({ albumId: 7 }), /albumId/],
      [payload({ extra: true }), /extra/],
      [[payload()], /JSON object/],
    ];
    for (const [body, message] of cases) {
      const res = await t
        .http()
        .post('/shows')
        .set(admin.auth)
        .send(body as object);
      expectFail(res, 400, message);
    }
  });

  test('show writes by a non-admin → 403; without a token → 401', async () => {
    const fan = await t.user();
    const title = unique('Kept ');
    const showId = await t.addShow(admin, { title });
    const body = payload();
    expectFail(await t.http().post('/shows').set(fan.auth).send(body), 403);
    expectFail(await t.http().put(`/shows/${showId}`).set(fan.auth).send(body), 403);
    expectFail(await t.http().delete(`/shows/${showId}`).set(fan.auth), 403);
    expectFail(await t.http().post('/shows').send(body), 401);
    expectFail(await t.http().put(`/shows/${showId}`).send(body), 401);
    expectFail(await t.http().delete(`/shows/${showId}`), 401);
    assert.equal((await getShow(showId)).title, title);
  });

  test('GET /shows/:id unknown → 404 fail', async () => {
    expectFail(await t.http().get('/shows/show-doesnotexist'), 404, /show-doesnotexist/);
  });

  test('GET /shows from a time → only shows at/after it, soonest first, paged, each once', async () => {
    const prefix = unique('Tour ');
    const base = Date.parse('2095-01-01T00:00:00Z') + Math.floor(Math.random() * 1000) * DAY;
    for (const h of [3, 0, 4, 1, 2]) {
      await t.addShow(admin, { title: `${prefix} ${h}`, startsAt: new Date(base + h * HOUR).toISOString() });
    }
    await t.addShow(admin, { title: `${prefix} early`, startsAt: new Date(base - HOUR).toISOString() });
    const seen = await listAll({ from: new Date(base).toISOString(), limit: 2 });
    assert.equal(new Set(seen.map((s) => s.id)).size, seen.length);
    const expected = [0, 1, 2, 3, 4].map((h) => `${prefix} ${h}`);
    assert.deepEqual(
      seen.filter((s) => s.title.startsWith(prefix)).map((s) => s.title),
      expected,
    );
    const times = seen.map((s) => Date.parse(s.startsAt));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    assert.ok(times.every((ms) => ms >= base));
  });

  test('GET /shows without from → starts at now: a show that has started is no longer listed', async () => {
    const startsAt = new Date(now + 60_000).toISOString();
    const title = unique('Soon ');
    const showId = await t.addShow(admin, { title, startsAt });
    const listed = async (query: Record<string, string> = {}) =>
      (await listAll({ limit: 200, ...query })).some((s) => s.id === showId);
    assert.equal(await listed(), true);
    now += 120_000;
    assert.equal(await listed(), false);
    assert.equal(await listed({ from: new Date(now - 10 * 60_000).toISOString() }), true);
  });

  test('GET /shows with a bad from, cursor or limit → 400', async () => {
    for (const query of [
      'from=tomorrow',
      'from=2090-01-01T20:00:00',
      'cursor=garbage',
      'limit=0',
      'limit=201',
      'limit=abc',
    ]) {
      expectFail(await t.http().get(`/shows?${query}`), 400);
    }
    const albumsCursor = Buffer.from(JSON.stringify(['albums', 'a', 'b'])).toString('base64url');
    expectFail(await t.http().get(`/shows?cursor=${albumsCursor}`), 400, /cursor/);
  });

  test('PUT /shows/:id as admin → 200 and the show changes; unknown → 404; bad payload → 400', async () => {
    const showId = await t.addShow(admin);
    const body = payload({ title: 'Renamed', venue: 'Anfield', capacity: 50 });
    const res = await put(showId, body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'success');
    const show = await getShow(showId);
    assert.equal(show.title, 'Renamed');
    assert.equal(show.venue, 'Anfield');
    assert.equal(show.capacity, 50);
    assert.equal(show.seatsLeft, 50);
    expectFail(await put('show-nope', body), 404);
    expectFail(await put(showId, { ...body, capacity: 0 }), 400, /capacity/);
  });

  test('PUT /shows/:id with the same payload again → 200 (nothing to change is no conflict)', async () => {
    const body = payload();
    const showId = await t.addShow(admin, body);
    for (let i = 0; i < 2; i++) {
      const res = await put(showId, body);
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
  });

  test('PUT /shows/:id capacity below reserved seats → 409 naming them; equal → 200', async () => {
    const showId = await t.addShow(admin, { capacity: 10 });
    await reserve(showId, 3);
    const below = await put(showId, payload({ capacity: 2 }));
    expectFail(below, 409, /3 seats already reserved/);
    assert.equal((await getShow(showId)).capacity, 10);
    const equal = await put(showId, payload({ capacity: 3 }));
    assert.equal(equal.status, 200, JSON.stringify(equal.body));
    const show = await getShow(showId);
    assert.equal(show.capacity, 3);
    assert.equal(show.seatsLeft, 0);
  });

  test('DELETE /shows/:id → 409 while confirmed reservations exist; 200 once cancelled; then 404', async () => {
    const showId = await t.addShow(admin);
    const { fan, reservationId } = await reserve(showId, 2);
    expectFail(await remove(showId), 409, /2 seats reserved.*cancel/);
    assert.equal((await getShow(showId)).seatsLeft, 98);
    const cancelled = await t.http().delete(`/reservations/${reservationId}`).set(fan.auth);
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    const res = await remove(showId);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'success');
    expectFail(await t.http().get(`/shows/${showId}`), 404);
    expectFail(await remove(showId), 404);
  });

  test('DELETE /shows/:id without reservations → 200; unknown id → 404', async () => {
    const showId = await t.addShow(admin);
    assert.equal((await remove(showId)).status, 200);
    expectFail(await remove('show-nope'), 404);
  });
});

describe('shows with CATALOG_WRITES=public', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ CATALOG_WRITES: 'public' });
  });
  after(() => t.close());

  test('show writes stay admin-only: no token → 401, a non-admin → 403; reading stays public', async () => {
    const admin = await t.admin();
    const fan = await t.user();
    const body = {
      title: unique('Open '),
      performer: 'Someone',
      venue: 'Somewhere',
      startsAt: new Date(Date.now() + 30 * DAY).toISOString(),
      capacity: 10,
    };
    const showId = await t.addShow(admin, body);
    expectFail(await t.http().post('/shows').send(body), 401);
    expectFail(await t.http().put(`/shows/${showId}`).send(body), 401);
    expectFail(await t.http().delete(`/shows/${showId}`), 401);
    expectFail(await t.http().post('/shows').set(fan.auth).send(body), 403);
    expectFail(await t.http().put(`/shows/${showId}`).set(fan.auth).send(body), 403);
    expectFail(await t.http().delete(`/shows/${showId}`).set(fan.auth), 403);
    assert.equal((await t.http().get(`/shows/${showId}`)).status, 200);
    assert.equal((await t.http().get('/shows')).status, 200);
  });
});
