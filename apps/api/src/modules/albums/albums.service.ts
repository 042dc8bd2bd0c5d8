import type { Album, AlbumPayload } from '@musicapp/types/albums';
import type { PageQuery } from '@musicapp/types/common';
import type { CatalogueCache } from '../../catalogue-cache.js';
import type { Clock } from '../../clock.js';
import { NotFoundError } from '../../errors.js';
import { newId } from '../ids.js';
import { decodeCursor, toPage } from '../paging.js';
import type { AlbumsRepository } from './albums.repository.js';

/** For songs and shows that name an album: an unknown one is 404, naming it. */
export async function assertAlbumExists(
  albums: AlbumsRepository,
  albumId: string | null | undefined,
): Promise<void> {
  if (albumId && !(await albums.exists(albumId))) throw new NotFoundError(`Album ${albumId} not found`);
}

export function albumsService(albums: AlbumsRepository, clock: Clock, cache: CatalogueCache) {
  return {
    async create(payload: AlbumPayload): Promise<string> {
      const id = newId('album');
      await cache.write(albums.insert({ ...payload, id, createdAt: clock() }));
      return id;
    },

    /**
     * An album's page, `{ album }`, from the catalogue cache: one object for every reader until the cache
     * forgets it, so the route table serialises it once.
     */
    async page(id: string, { fresh = false } = {}): Promise<{ album: Album }> {
      const load = async () => {
        const album = await albums.findWithSongs(id);
        return album && { album };
      };
      const page = await cache.read(`album:${id}`, load, { fresh });
      if (!page) throw new NotFoundError(`Album ${id} not found`);
      return page;
    },

    async list({ limit, cursor }: PageQuery) {
      const after = cursor ? decodeCursor('albums', cursor, ['text', 'text']) : undefined;
      const rows = await albums.list(limit + 1, after);
      const page = toPage('albums', rows, limit, (album) => [album.name, album.id]);
      return { albums: page.items, nextCursor: page.nextCursor };
    },

    async update(id: string, payload: AlbumPayload): Promise<void> {
      if (!(await cache.write(albums.update(id, payload)))) throw new NotFoundError(`Album ${id} not found`);
    },

    async remove(id: string): Promise<void> {
      if (!(await cache.write(albums.remove(id)))) throw new NotFoundError(`Album ${id} not found`);
    },
  };
}

export type AlbumsService = ReturnType<typeof albumsService>;
