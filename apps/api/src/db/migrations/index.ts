import type { Knex } from 'knex';
import * as usersAndSessions from './001-users-and-sessions.js';
import * as catalogue from './002-catalogue.js';
import * as playlists from './003-playlists.js';
import * as songSearchGrams from './004-song-search-grams.js';
import * as showsAndReservations from './005-shows-and-reservations.js';
import * as reserveSeatsProcedure from './006-reserve-seats-procedure.js';
import * as explicitCollations from './007-explicit-collations.js';
import * as canonicalUsernames from './008-canonical-usernames.js';

interface Migration {
  up(db: Knex): Promise<void>;
  down(db: Knex): Promise<void>;
}

/** Every migration, in order. Imported (not read from disk) so tsx, tsc output and bundles all agree. */
const migrations: Record<string, Migration> = {
  '001-users-and-sessions': usersAndSessions,
  '002-catalogue': catalogue,
  '003-playlists': playlists,
  '004-song-search-grams': songSearchGrams,
  '005-shows-and-reservations': showsAndReservations,
  '006-reserve-seats-procedure': reserveSeatsProcedure,
  '007-explicit-collations': explicitCollations,
  '008-canonical-usernames': canonicalUsernames,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name] as Migration,
};
