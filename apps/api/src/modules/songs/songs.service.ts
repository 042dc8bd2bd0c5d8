import type { Song, SongPayload, SongSearchQuery } from '@musicapp/types/songs';
import type { CatalogueCache } from '../../catalogue-cache.js';
import type { Clock } from '../../clock.js';
import { NotFoundError } from '../../errors.js';
import type { AlbumsRepository } from '../albums/albums.repository.js';
import { assertAlbumExists } from '../albums/albums.service.js';
import { newId } from '../ids.js';
import { decodeCursor, toPage } from '../paging.js';
import type { SongsRepository } from './songs.repository.js';

export function songsService(
  songs: SongsRepository,
  albums: AlbumsRepository,
  clock: Clock,
  cache: CatalogueCache,
) {
  return {
    async create(payload: SongPayload): Promise<string> {
      await assertAlbumExists(albums, payload.albumId);
      const id = newId('song');
      await cache.write(songs.insert({ ...payload, id, createdAt: clock() }));
      return id;
    },

    async get(id: string): Promise<Song> {
      const song = await songs.findById(id);
      if (!song) throw new NotFoundError(`Song ${id} not found`);
      return song;
    },

    async search({ title, performer, limit, cursor }: SongSearchQuery, { fresh = false } = {}) {
      const after = cursor ? decodeCursor('songs', cursor, ['text', 'text']) : undefined;
      const key = `songs:${JSON.stringify([title, performer, limit, cursor])}`;
      const load = async () => {
        const rows = await songs.search({ title, performer, limit: limit + 1, after });
        const page = toPage('songs', rows, limit, (song) => [song.title, song.id]);
        return { songs: page.items, nextCursor: page.nextCursor };
      };
      return cache.read(key, load, { fresh });
    },

    async update(id: string, payload: SongPayload): Promise<void> {
      await assertAlbumExists(albums, payload.albumId);
      if (!(await cache.write(songs.update(id, payload)))) throw new NotFoundError(`Song ${id} not found`);
    },

    async remove(id: string): Promise<void> {
      if (!(await cache.write(songs.remove(id)))) throw new NotFoundError(`Song ${id} not found`);
    },
  };
}

export type SongsService = ReturnType<typeof songsService>;
