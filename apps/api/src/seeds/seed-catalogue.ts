import type { Knex } from 'knex';
import type { Clock } from '../clock.js';
import { albumsRepository } from '../modules/albums/albums.repository.js';
import { songsRepository } from '../modules/songs/songs.repository.js';
import { demoAlbums } from './demo-catalogue.js';

/** How the seed names its rows: random ids for development, stable ones for the generated reservasi.sql. */
export type SeedIds = (prefix: 'album' | 'song', key: string) => string;

/**
 * Adds the demo albums and their songs (with their search grams) through the repositories the API uses.
 * Returns each album's id by name.
 */
export async function seedCatalogue(db: Knex, newId: SeedIds, clock: Clock): Promise<Map<string, string>> {
  const albums = albumsRepository(db);
  const songs = songsRepository(db);
  const albumIds = new Map<string, string>();
  for (const album of demoAlbums) {
    const albumId = newId('album', album.name);
    await albums.insert({ id: albumId, name: album.name, year: album.year, createdAt: clock() });
    albumIds.set(album.name, albumId);
    for (const [index, title] of album.songs.entries()) {
      await songs.insert({
        id: newId('song', `${album.name}/${title}`),
        title,
        year: album.year,
        genre: album.genre,
        performer: album.performer,
        duration: 180 + index * 17,
        albumId,
        createdAt: clock(),
      });
    }
  }
  return albumIds;
}
