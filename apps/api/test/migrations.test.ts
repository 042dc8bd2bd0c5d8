import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDb } from '../src/db/create-db.js';
import { migrateToLatest, migrationsDone } from '../src/db/migrate.js';
import { createTestDatabase } from './helpers/test-database.js';

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
});
