import type { Knex } from 'knex';
import { mysqlTableOptions } from './table-options.js';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('albums', (t) => {
    mysqlTableOptions(db, t);
    t.string('id', 40).primary();
    t.string('name', 200).notNullable();
    t.integer('year').notNullable();
    t.bigInteger('created_at').notNullable();
    t.index(['name', 'id'], 'albums_name_id_index'); // list order and keyset paging
  });
  await db.schema.createTable('songs', (t) => {
    mysqlTableOptions(db, t);
    t.string('id', 40).primary();
    t.string('title', 200).notNullable();
    t.integer('year').notNullable();
    t.string('genre', 100).notNullable();
    t.string('performer', 200).notNullable();
    t.integer('duration').nullable();
    t.string('album_id', 40).nullable().references('id').inTable('albums').onDelete('SET NULL');
    t.bigInteger('created_at').notNullable();
    // An album's songs in one index range. The list order (title, id), covering performer too, so a
    // search that walks the list in order never reads the table rows.
    t.index(['album_id', 'title'], 'songs_album_id_title_index');
    t.index(['title', 'id', 'performer'], 'songs_title_id_performer_index');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('songs');
  await db.schema.dropTable('albums');
}
