import type { Song, SongPayload, SongSummary } from '@musicapp/types/songs';
import type { Knex } from 'knex';
import { afterKey, likeContains } from '../../db/cursor.js';

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

export function songsRepository(db: Knex) {
  return {
    async insert(song: SongPayload & { id: string; createdAt: number }): Promise<void> {
      await db('songs').insert({ id: song.id, ...toRow(song), created_at: song.createdAt });
    },

    async findById(id: string): Promise<Song | null> {
      const row: SongRow | undefined = await db('songs')
        .where({ id })
        .first('id', 'title', 'year', 'genre', 'performer', 'duration', 'album_id');
      return row ? toSong(row) : null;
    },

    /**
     * Filters and pages in SQL: walks the (title, id) index in order and stops after `limit` matches;
     * only the three listed columns leave the database.
     */
    async search({ title, performer, limit, after }: SongSearch): Promise<SongSummary[]> {
      const query = db('songs')
        .select('id', 'title', 'performer')
        .orderBy([{ column: 'title' }, { column: 'id' }])
        .limit(limit);
      if (title) query.whereRaw(`title like ? escape '!'`, [likeContains(title)]);
      if (performer) query.whereRaw(`performer like ? escape '!'`, [likeContains(performer)]);
      if (after) afterKey(query, ['title', 'id'], after);
      return query;
    },

    async update(id: string, song: SongPayload): Promise<boolean> {
      return (await db('songs').where({ id }).update(toRow(song))) > 0;
    },

    async remove(id: string): Promise<boolean> {
      return (await db('songs').where({ id }).delete()) > 0;
    },
  };
}

export type SongsRepository = ReturnType<typeof songsRepository>;
