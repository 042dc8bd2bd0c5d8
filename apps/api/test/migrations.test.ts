import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDb } from '../src/db/create-db.js';
import { migrateToLatest, migrationsDone } from '../src/db/migrate.js';
import { migrationSource } from '../src/db/migrations/index.js';
import { createTestDatabase, testDialect } from './helpers/test-database.js';

/** A reservation attempt straight through the procedure, for a show that does not exist. */
const CALL_RESERVE_SEATS =
  "call reserve_seats('reservation-x', 'AAAA-AAAA', 'show-x', 'user-x', 1, 0, 6, 'Key-x', 'hash', '{}')";

describe('migrations', () => {
  test('three replicas migrating one database at once all start, and each migration runs once', async () => {
    const database = await createTestDatabase({ migrate: false });
    const replicas = [createDb(database.config), createDb(database.config), createDb(database.config)];
    try {
      await Promise.all(replicas.map((db) => migrateToLatest(db)));
      const applied = await database.db('knex_migrations').select('name');
      assert.equal(applied.length, new Set(applied.map((row) => row.name)).size);
      assert.ok(await migrationsDone(database.db));
    } finally {
      await Promise.all(replicas.map((db) => db.destroy()));
      await database.drop();
    }
  });

  test('004 indexes the songs already there by the folded 3-character pieces of title and performer', async () => {
    const database = await createTestDatabase({ migrate: false });
    try {
      for (;;) {
        const [, applied] = (await database.db.migrate.up({ migrationSource })) as [number, string[]];
        assert.ok(applied.length > 0, '003 was never reached');
        if (applied.includes('003-playlists')) break;
      }
      const song = { year: 2001, genre: 'Pop', duration: null, album_id: null, created_at: 0 };
      await database.db('songs').insert([
        { ...song, id: 'song-1', title: 'Ça Ira', performer: 'Édith' },
        { ...song, id: 'song-2', title: 'Go', performer: 'ABBA' },
      ]);
      await database.db.migrate.up({ migrationSource });
      const grams = await database.db('song_search_grams').select('song_id', 'field', 'gram', 'title');
      assert.deepEqual(
        grams.map((g) => `${g.song_id} ${g.field} ${g.gram} ${g.title}`).sort(),
        [
          'song-1 p dit Ça Ira',
          'song-1 p edi Ça Ira',
          'song-1 p ith Ça Ira',
          'song-1 t  ir Ça Ira',
          'song-1 t a i Ça Ira',
          'song-1 t ca  Ça Ira',
          'song-1 t ira Ça Ira',
          'song-2 p abb Go',
          'song-2 p bba Go',
        ].sort(),
      );
    } finally {
      await database.drop();
    }
  });

  test('008 puts existing usernames in canonical form; a case twin on SQLite keeps its spelling', async () => {
    const database = await createTestDatabase({ migrate: false });
    try {
      for (;;) {
        const [, applied] = (await database.db.migrate.up({ migrationSource })) as [number, string[]];
        assert.ok(applied.length > 0, '007 was never reached');
        if (applied.includes('007-explicit-collations')) break;
      }
      const user = (id: string, username: string) => ({
        id,
        username,
        password_hash: 'x',
        fullname: username,
        role: 'user',
        created_at: 0,
      });
      await database.db('users').insert([user('user-1', 'Alice'), user('user-2', 'carol')]);
      // Only SQLite compared usernames exactly, so only there can a case twin exist.
      if (testDialect() !== 'mysql') await database.db('users').insert(user('user-3', 'Carol'));
      await migrateToLatest(database.db);
      const names = Object.fromEntries(
        (await database.db('users').select('id', 'username')).map((r) => [r.id, r.username]),
      );
      assert.equal(names['user-1'], 'alice');
      assert.equal(names['user-2'], 'carol');
      if (testDialect() !== 'mysql') assert.equal(names['user-3'], 'Carol', 'the twin keeps its spelling');
    } finally {
      await database.drop();
    }
  });

  test('a database made by the 006 procedure in a non-table default collation is repaired by migrating', {
    skip: testDialect() !== 'mysql' && 'stored procedures are MySQL/MariaDB only (TEST_DB=mysql)',
  }, async () => {
    const database = await createTestDatabase({ migrate: false, collation: 'utf8mb4_general_ci' });
    try {
      for (;;) {
        const [, applied] = (await database.db.migrate.up({ migrationSource })) as [number, string[]];
        assert.ok(applied.length > 0, '006 was never reached');
        if (applied.includes('006-reserve-seats-procedure')) break;
      }
      // The bug as deployments met it: the procedure's parameters took the database's collation.
      await assert.rejects(database.db.raw(CALL_RESERVE_SEATS), /Illegal mix of collations/);
      await migrateToLatest(database.db);
      const [[[row]]] = await database.db.raw(CALL_RESERVE_SEATS);
      assert.deepEqual(JSON.parse(row.outcome), { kind: 'show-not-found' });
    } finally {
      await database.drop();
    }
  });
});
