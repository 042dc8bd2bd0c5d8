import { writeFileSync } from 'node:fs';
import { loadConfig } from './config.js';
import { createDb, dialectOf } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { createLogger } from './logger.js';
import { stableId } from './modules/ids.js';
import { demoShows } from './seeds/demo-catalogue.js';
import { seedCatalogue } from './seeds/seed-catalogue.js';

/**
 * An entry point, like main.ts: the database half of `scripts/dump-reservasi-sql.sh`, which dumps the result into reservasi.sql:
 *   DB_HOST=… DB_NAME=<empty database> tsx src/reservasi-seed.ts <shows.sql>
 * Migrates the empty MySQL database and adds the demo catalogue with stable ids and a fixed clock, so the
 * dump is the same on every run. Shows cannot be dumped (their dates must be relative to the moment a
 * deployment initialises its database), so their INSERTs are written to <shows.sql>, dated from NOW().
 * No user accounts, no reservations.
 */
const CATALOGUE_CREATED_AT = Date.UTC(2026, 0, 1);
const SHOW_HOUR_UTC = 20;

const showsFile = process.argv[2];
if (!showsFile) {
  process.stderr.write('usage: reservasi-seed.ts <shows.sql>\n');
  process.exit(2);
}
const config = loadConfig();
const logger = createLogger(config.logLevel);
const db = createDb(config.db, logger);
try {
  if (dialectOf(db) !== 'mysql') throw new Error('reservasi.sql is made from MySQL/MariaDB: set DB_HOST');
  if (await db.schema.hasTable('albums')) throw new Error(`database ${config.db.database} is not empty`);
  await migrateToLatest(db, logger);
  const albumIds = await seedCatalogue(db, stableId, () => CATALOGUE_CREATED_AT);
  const startsAt = (inDays: number) =>
    // Epoch arithmetic, so the session's time zone does not matter: `inDays` after today, at 20:00 UTC.
    db.raw('((UNIX_TIMESTAMP() DIV 86400 + ?) * 86400 + ?) * 1000', [inDays, SHOW_HOUR_UTC * 3600]);
  const inserts = demoShows.map((show) =>
    db('shows')
      .insert({
        id: stableId('show', show.title),
        title: show.title,
        performer: show.performer,
        venue: show.venue,
        starts_at: startsAt(show.inDays),
        capacity: show.capacity,
        reserved: 0, // no accounts in a fresh deployment, so no seats taken
        album_id: albumIds.get(show.album) ?? null,
        created_at: db.raw('UNIX_TIMESTAMP() * 1000'),
      })
      .toString(),
  );
  writeFileSync(showsFile, `${inserts.join(';\n')};\n`);
} catch (error) {
  process.stderr.write(`reservasi seed failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
