import type { Knex } from 'knex';
import { mysqlTableOptions } from './table-options.js';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('playlists', (t) => {
    mysqlTableOptions(db, t);
    t.string('id', 40).primary();
    t.string('name', 200).notNullable();
    t.string('owner_id', 40).notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.bigInteger('created_at').notNullable();
    t.index(['owner_id', 'name', 'id'], 'playlists_owner_id_name_index');
  });
  await db.schema.createTable('playlist_songs', (t) => {
    mysqlTableOptions(db, t);
    t.increments('id').primary();
    t.string('playlist_id', 40).notNullable().references('id').inTable('playlists').onDelete('CASCADE');
    t.string('song_id', 40).notNullable().references('id').inTable('songs').onDelete('CASCADE');
    t.bigInteger('added_at').notNullable();
    t.unique(['playlist_id', 'song_id'], { indexName: 'playlist_songs_playlist_id_song_id_unique' });
    t.index(['song_id'], 'playlist_songs_song_id_index');
  });
  await db.schema.createTable('collaborations', (t) => {
    mysqlTableOptions(db, t);
    t.string('id', 40).primary();
    t.string('playlist_id', 40).notNullable().references('id').inTable('playlists').onDelete('CASCADE');
    t.string('user_id', 40).notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.bigInteger('created_at').notNullable();
    t.unique(['playlist_id', 'user_id'], { indexName: 'collaborations_playlist_id_user_id_unique' });
    t.index(['user_id'], 'collaborations_user_id_index');
  });
  // The activity log keeps the song title as it was, so history survives the song's deletion.
  await db.schema.createTable('playlist_activities', (t) => {
    mysqlTableOptions(db, t);
    t.increments('id').primary();
    t.string('playlist_id', 40).notNullable().references('id').inTable('playlists').onDelete('CASCADE');
    t.string('user_id', 40).notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('song_id', 40).notNullable();
    t.string('title', 200).notNullable();
    t.string('action', 10).notNullable();
    t.bigInteger('time').notNullable();
    t.index(['playlist_id', 'id'], 'playlist_activities_playlist_id_index');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('playlist_activities');
  await db.schema.dropTable('collaborations');
  await db.schema.dropTable('playlist_songs');
  await db.schema.dropTable('playlists');
}
