import type { Song, SongPayload, SongSummary } from '@musicapp/types/songs';
import type { Knex } from 'knex';
import { LRUCache } from 'lru-cache';
import { afterKey } from '../../db/keyset.js';
import { likeContains } from '../../db/like-pattern.js';
import { probeGrams, type SearchField, songGramRows } from './search-grams.js';

/** Counting a gram's postings stops here: beyond it, every gram is as good as another. */
const POSTINGS_COUNT_CAP = 1000;

interface SongRow {
  id: string;
  title: string;
  year: number;
  genre: string;
  performer: string;
  duration: number | null;
  album_id: string | null;
}

const toSong = (row: SongRow): Song => ({
  id: row.id,
  title: row.title,
  year: row.year,
  genre: row.genre,
  performer: row.performer,
  duration: row.duration,
  albumId: row.album_id,
});

const toRow = (song: SongPayload) => ({
  title: song.title,
  year: song.year,
  genre: song.genre,
  performer: song.performer,
  duration: song.duration ?? null,
  album_id: song.albumId ?? null,
});

export interface SongSearch {
  title?: string | undefined;
  performer?: string | undefined;
  limit: number;
  after?: (string | number)[] | undefined;
}

/** SQLite's multi-row insert is a compound SELECT of at most 500 terms: insert grams in chunks below it. */
async function insertGrams(db: Knex, rows: ReturnType<typeof songGramRows>): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) await db('song_search_grams').insert(rows.slice(i, i + 400));
}

/** `db.raw` answers `[rows, fields]` on mysql2 and `rows` on better-sqlite3. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

export function songsRepository(db: Knex) {
  /**
   * Postings counts of grams seen lately, so that a search is one round trip when its grams are known.
   * A count only picks which gram's postings to read (any gram of the term finds every match), so one
   * up to a minute old costs at most a slower plan, never a wrong answer. Zero counts are not kept: a
   * gram with no postings ends a search early, and another replica may have added a song since.
   */
  const postingsCounts = new LRUCache<string, number>({ max: 50_000, ttl: 60_000 });

  /**
   * The gram of the search terms with the fewest postings (counting stops at POSTINGS_COUNT_CAP), or
   * null when the terms are shorter than a gram. Counts not known yet: one round trip of capped index
   * range scans.
   */
  async function rarestGram(terms: [SearchField, string | undefined][]) {
    const probes = terms.flatMap(([field, term]) =>
      term
        ? probeGrams(term).map((gram) => ({ field, gram, postings: postingsCounts.get(`${field}${gram}`) }))
        : [],
    );
    if (probes.length === 0) return null;
    const unknown = probes.filter((probe) => probe.postings === undefined);
    if (unknown.length > 0) {
      const sql = unknown
        .map(
          () =>
            'select ? as field, ? as gram, count(*) as postings from (select 1 from song_search_grams where field = ? and gram = ? limit ?) p',
        )
        .join(' union all ');
      const bindings = unknown.flatMap(({ field, gram }) => [field, gram, field, gram, POSTINGS_COUNT_CAP]);
      const rows = rowsOf<{ field: SearchField; gram: string; postings: number | string }>(
        await db.raw(sql, bindings),
      );
      for (const row of rows) {
        const probe = unknown.find((p) => p.field === row.field && p.gram === row.gram);
        if (!probe) continue;
        probe.postings = Number(row.postings);
        if (probe.postings > 0) postingsCounts.set(`${row.field}${row.gram}`, probe.postings);
      }
    }
    let best: { field: SearchField; gram: string; postings: number } | null = null;
    // A count that did not come back is taken as "many": only a counted zero may end a search early.
    for (const { field, gram, postings = POSTINGS_COUNT_CAP } of probes) {
      if (!best || postings < best.postings) best = { field, gram, postings };
    }
    return best;
  }

  return {
    async insert(song: SongPayload & { id: string; createdAt: number }): Promise<void> {
      await db.transaction(async (trx) => {
        await trx('songs').insert({ id: song.id, ...toRow(song), created_at: song.createdAt });
        await insertGrams(trx, songGramRows(song));
      });
    },

    async findById(id: string): Promise<Song | null> {
      const row: SongRow | undefined = await db('songs')
        .where({ id })
        .first('id', 'title', 'year', 'genre', 'performer', 'duration', 'album_id');
      return row ? toSong(row) : null;
    },

    /**
     * Filters and pages in SQL, never reading the whole table. With a term of 3+ characters, the
     * postings of its rarest gram are read in list order and checked with LIKE until a page is full
     * (few postings when the term is rare; matches come at once when it is common). Shorter terms walk
     * the covering (title, id, performer) index the same way.
     */
    async search({ title, performer, limit, after }: SongSearch): Promise<SongSummary[]> {
      const rarest = await rarestGram([
        ['t', title],
        ['p', performer],
      ]);
      if (rarest?.postings === 0) return []; // no song contains that piece of the terms
      const titleLike = (column: string) => (q: Knex.QueryBuilder) =>
        title ? q.whereRaw(`${column} like ? escape '!'`, [likeContains(title)]) : q;
      const performerLike = (q: Knex.QueryBuilder) =>
        performer ? q.whereRaw(`s.performer like ? escape '!'`, [likeContains(performer)]) : q;

      if (!rarest) {
        const query = db('songs as s')
          .select('s.id', 's.title', 's.performer')
          .orderBy([{ column: 's.title' }, { column: 's.id' }])
          .limit(limit)
          .modify(titleLike('s.title'))
          .modify(performerLike);
        if (after) afterKey(query, ['s.title', 's.id'], after);
        return query;
      }
      const query = db('song_search_grams as g')
        .join('songs as s', 's.id', 'g.song_id')
        .where({ 'g.field': rarest.field, 'g.gram': rarest.gram })
        .select('s.id', 's.title', 's.performer')
        .orderBy([{ column: 'g.title' }, { column: 'g.song_id' }])
        .limit(limit)
        .modify(titleLike('g.title')) // same text as s.title, checked before the join
        .modify(performerLike);
      if (after) afterKey(query, ['g.title', 'g.song_id'], after);
      return query;
    },

    async update(id: string, song: SongPayload): Promise<boolean> {
      return db.transaction(async (trx) => {
        if ((await trx('songs').where({ id }).update(toRow(song))) === 0) return false;
        await trx('song_search_grams').where({ song_id: id }).delete();
        await insertGrams(trx, songGramRows({ ...song, id }));
        return true;
      });
    },

    /** Its search grams go with it (ON DELETE CASCADE). */
    async remove(id: string): Promise<boolean> {
      return (await db('songs').where({ id }).delete()) > 0;
    },
  };
}

export type SongsRepository = ReturnType<typeof songsRepository>;

/** (Re)builds the search grams of every song, in batches: after bulk loads that bypass the API. */
export async function rebuildSongSearchIndex(db: Knex, batchSize = 500): Promise<number> {
  let after = '';
  let indexed = 0;
  for (;;) {
    const songs: { id: string; title: string; performer: string }[] = await db('songs')
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .select('id', 'title', 'performer');
    const last = songs.at(-1);
    if (!last) return indexed;
    await db.transaction(async (trx) => {
      await trx('song_search_grams')
        .whereIn(
          'song_id',
          songs.map((song) => song.id),
        )
        .delete();
      await insertGrams(trx, songs.flatMap(songGramRows));
    });
    indexed += songs.length;
    after = last.id;
  }
}
