import type { Knex } from 'knex';
import { mysqlTableOptions } from './table-options.js';

/**
 * Frozen: a migration is history, so it carries its own copy of the indexing it needs (as the songs
 * module indexed songs when this migration was written) and never calls live code. A later change to
 * how songs are indexed is a new migration that rebuilds the index, never an edit here.
 */

/** Case- and accent-insensitive folding, like the database's `utf8mb4_unicode_ci` comparison. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The distinct 3-character pieces of a text, after folding (none for texts shorter than 3 characters). */
function gramsOf(text: string): string[] {
  const chars = Array.from(fold(text));
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  return [...grams];
}

/** The grams of one song, as rows of `song_search_grams`: 't' title, 'p' performer. */
function songGramRows(song: { id: string; title: string; performer: string }) {
  const row = (field: 't' | 'p') => (gram: string) => ({ field, gram, title: song.title, song_id: song.id });
  return [...gramsOf(song.title).map(row('t')), ...gramsOf(song.performer).map(row('p'))];
}

/** Indexes the songs already in the table (the index is new and empty), 500 songs per transaction. */
async function indexExistingSongs(db: Knex): Promise<void> {
  let after = '';
  for (;;) {
    const songs: { id: string; title: string; performer: string }[] = await db('songs')
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .select('id', 'title', 'performer');
    const last = songs.at(-1);
    if (!last) return;
    await db.transaction(async (trx) => {
      // SQLite's multi-row insert is a compound SELECT of at most 500 terms: insert in chunks below it.
      const rows = songs.flatMap(songGramRows);
      for (let i = 0; i < rows.length; i += 400)
        await trx('song_search_grams').insert(rows.slice(i, i + 400));
    });
    after = last.id;
  }
}

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
  await indexExistingSongs(db);
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('song_search_grams');
}
