import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectFail, startTestApp, type TestApp, type TestUser, unique } from './helpers/test-app.js';
import { mysqlServerFacts, testDialect } from './helpers/test-database.js';

/**
 * The tables are utf8mb4_unicode_ci, whatever the database's default collation. A database created with
 * another default (the server's, as the mysql image's MYSQL_DATABASE does; utf8mb4_0900_ai_ci on the
 * stack's MySQL, utf8mb4_general_ci on MariaDB) once made every reservation fail with "Illegal mix of
 * collations": the reservation procedure's parameters took the database's default. Every feature that
 * compares strings in the database runs here on databases whose default differs from the tables'.
 */
const mysql = testDialect() === 'mysql';
const facts = mysql ? await mysqlServerFacts() : null;
const defaults = facts
  ? [
      null, // the server's own default
      ...[
        'utf8mb4_general_ci',
        'utf8mb4_bin',
        'utf8mb4_unicode_520_ci',
        'utf8mb4_0900_ai_ci',
        'utf8mb4_uca1400_ai_ci',
      ].filter((collation) => facts.collations.includes(collation) && collation !== facts.defaultCollation),
    ]
  : [];

describe("databases whose default collation differs from the tables'", {
  skip: !mysql && 'collations are a MySQL/MariaDB matter (TEST_DB=mysql)',
}, () => {
  test("the server offers defaults other than the tables' collation to try", () => {
    assert.ok(defaults.length >= 3, `only ${defaults.join(', ')} on ${facts?.version}`);
  });

  for (const collation of defaults) {
    describe(`database default ${collation ?? `= server default (${facts?.defaultCollation})`}`, () => {
      let t: TestApp;
      let admin: TestUser;
      before(async () => {
        t = await startTestApp({}, undefined, collation ? { collation } : {});
        admin = await t.admin();
      });
      after(() => t.close());

      test('reserve, replay, refuse, list and cancel all work', async () => {
        const fan = await t.user();
        const showId = await t.addShow(admin, { capacity: 4 });
        const reserve = (seats: number, key?: string) => {
          const req = t.http().post('/reservations').set(fan.auth);
          if (key) req.set('Idempotency-Key', key);
          return req.send({ showId, seats });
        };
        const key = unique('Key-');
        const first = await reserve(2, key);
        assert.equal(first.status, 201, JSON.stringify(first.body));
        const replay = await reserve(2, key);
        assert.equal(replay.headers['idempotent-replayed'], 'true');
        assert.deepEqual(replay.body, first.body);
        const other = await reserve(1, key.toLowerCase());
        assert.equal(other.status, 201, JSON.stringify(other.body));
        expectFail(await reserve(2), 409, /Only 1 seat left/);
        expectFail(
          await t.http().post('/reservations').set(fan.auth).send({ showId: 'show-unknown', seats: 1 }),
          404,
        );
        const mine = await t.http().get('/reservations').set(fan.auth);
        assert.equal(mine.status, 200, JSON.stringify(mine.body));
        assert.equal(mine.body.data.reservations.length, 2);
        const id = first.body.data.reservation.id as string;
        assert.equal((await t.http().delete(`/reservations/${id}`).set(fan.auth)).status, 200);
        const show = await t.http().get(`/shows/${showId}`);
        assert.equal(show.body.data.show.seatsLeft, 3);
      });

      test('log in, search songs and share a playlist by username', async () => {
        const title = unique('Ünïcode Song ');
        const songId = await t.addSong(admin, { title });
        const found = await t.http().get('/songs').query({ title: title.toUpperCase() });
        assert.deepEqual(
          found.body.data.songs.map((song: { id: string }) => song.id),
          [songId],
        );
        const owner = await t.user();
        const friend = await t.user();
        const playlistId = await t.addPlaylist(owner);
        const shared = await t
          .http()
          .post('/collaborations')
          .set(owner.auth)
          .send({ playlistId, userId: friend.userId });
        assert.equal(shared.status, 201, JSON.stringify(shared.body));
        const added = await t.http().post(`/playlists/${playlistId}/songs`).set(friend.auth).send({ songId });
        assert.equal(added.status, 201, JSON.stringify(added.body));
        const activities = await t.http().get(`/playlists/${playlistId}/activities`).set(owner.auth);
        assert.equal(activities.body.data.activities[0].username, friend.username);
      });
    });
  }
});
