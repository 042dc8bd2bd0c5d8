import type { Knex } from 'knex';
import { rebuildSongSearchIndex } from '../../modules/songs/songs.repository.js';
import { mysqlTableOptions } from './table-options.js';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('song_search_grams', (t) => {
    mysqlTableOptions(db, t);
    t.string('field', 1).notNullable(); // 't' title, 'p' performer
    t.specificType(
      'gram',
      db.client.config.client === 'mysql2' ? 'varchar(3) collate utf8mb4_bin' : 'varchar(3)',
    ).notNullable();
    // The song's title, so a gram's postings are stored in list order (title, id): a search walks them
    // in order and stops at the page size, however common the gram.
    t.string('title', 200).notNullable();
    t.string('song_id', 40).notNullable().references('id').inTable('songs').onDelete('CASCADE');
    t.primary(['field', 'gram', 'title', 'song_id']);
    t.index(['song_id'], 'song_search_grams_song_id_index');
  });
  await rebuildSongSearchIndex(db);
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('song_search_grams');
}
