import { pluralise } from '@musicapp/types/common';
import type { Show, ShowListQuery, ShowPayload } from '@musicapp/types/shows';
import type { Clock } from '../../clock.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors.js';
import type { AlbumsRepository } from '../albums/albums.repository.js';
import { assertAlbumExists } from '../albums/albums.service.js';
import { newId } from '../ids.js';
import { decodeCursor, toPage } from '../paging.js';
import type { ShowsRepository } from './shows.repository.js';

export function showsService(shows: ShowsRepository, albums: AlbumsRepository, clock: Clock) {
  return {
    async create(payload: ShowPayload): Promise<string> {
      if (Date.parse(payload.startsAt) <= clock())
        throw new InvalidInputError('startsAt must be in the future');
      await assertAlbumExists(albums, payload.albumId);
      const id = newId('show');
      await shows.insert({ ...payload, id, createdAt: clock() });
      return id;
    },

    async get(id: string): Promise<Show> {
      const show = await shows.findById(id);
      if (!show) throw new NotFoundError(`Show ${id} not found`);
      return show;
    },

    async list({ from, limit, cursor }: ShowListQuery) {
      const after = cursor ? decodeCursor('shows', cursor, ['integer', 'text']) : undefined;
      const rows = await shows.listFrom(from ? Date.parse(from) : clock(), limit + 1, after);
      const page = toPage('shows', rows, limit, (show) => [Date.parse(show.startsAt), show.id]);
      return { shows: page.items, nextCursor: page.nextCursor };
    },

    async update(id: string, payload: ShowPayload): Promise<void> {
      // A show may be edited after it started (a venue typo), but not moved into the past.
      if (Date.parse(payload.startsAt) <= clock()) {
        const current = await shows.findById(id);
        if (!current) throw new NotFoundError(`Show ${id} not found`);
        if (Date.parse(current.startsAt) !== Date.parse(payload.startsAt)) {
          throw new InvalidInputError('startsAt must be in the future');
        }
      }
      await assertAlbumExists(albums, payload.albumId);
      const result = await shows.update(id, payload);
      if (result.updated) return;
      if (result.reserved === null) throw new NotFoundError(`Show ${id} not found`);
      throw new ConflictError(
        `Capacity cannot go below the ${pluralise(result.reserved, 'seat')} already reserved for this show`,
      );
    },

    async remove(id: string): Promise<void> {
      const result = await shows.remove(id);
      if (result.removed) return;
      if (result.reserved === null) throw new NotFoundError(`Show ${id} not found`);
      throw new ConflictError(
        `This show has ${pluralise(result.reserved, 'seat')} reserved; cancel those reservations before deleting it`,
      );
    },
  };
}

export type ShowsService = ReturnType<typeof showsService>;
