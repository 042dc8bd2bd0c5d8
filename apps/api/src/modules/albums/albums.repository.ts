import type { Album, AlbumPayload, AlbumSummary } from '@musicapp/types/albums';
import type { Knex } from 'knex';
import { collectSongs } from '../../db/joined-songs.js';
import { afterKey } from '../../db/keyset.js';

interface AlbumSongRow {
  id: string;
  name: string;
  year: number;
  song_id: string | null;
  title: string | null;
  performer: string | null;
}

export function albumsRepository(db: Knex) {
  return {
    async insert(album: AlbumPayload & { id: string; createdAt: number }): Promise<void> {
      await db('albums').insert({
        id: album.id,
        name: album.name,
        year: album.year,
        created_at: album.createdAt,
      });
    },

    /** The album and its songs in one round trip (a LEFT JOIN on the songs' album index). */
    async findWithSongs(id: string): Promise<Album | null> {
      const rows: AlbumSongRow[] = await db('albums as a')
        .leftJoin('songs as s', 's.album_id', 'a.id')
        .where('a.id', id)
        .orderBy([{ column: 's.title' }, { column: 's.id' }])
        .select('a.id', 'a.name', 'a.year', 's.id as song_id', 's.title', 's.performer');
      const first = rows[0];
      if (!first) return null;
      return { id: first.id, name: first.name, year: first.year, songs: collectSongs(rows) };
    },

    async exists(id: string): Promise<boolean> {
      return Boolean(await db('albums').where({ id }).first('id'));
    },

    async list(limit: number, after?: (string | number)[]): Promise<AlbumSummary[]> {
      const query = db('albums')
        .select('id', 'name', 'year')
        .orderBy([{ column: 'name' }, { column: 'id' }])
        .limit(limit);
      if (after) afterKey(query, ['name', 'id'], after);
      return query;
    },

    async update(id: string, album: AlbumPayload): Promise<boolean> {
      return (await db('albums').where({ id }).update({ name: album.name, year: album.year })) > 0;
    },

    async remove(id: string): Promise<boolean> {
      return (await db('albums').where({ id }).delete()) > 0;
    },
  };
}

export type AlbumsRepository = ReturnType<typeof albumsRepository>;
