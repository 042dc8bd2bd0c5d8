import type { Knex } from 'knex';
import { systemClock } from '../../clock.js';
import { albumsRepository } from '../../modules/albums/albums.repository.js';
import { albumsService } from '../../modules/albums/albums.service.js';
import { songsRepository } from '../../modules/songs/songs.repository.js';
import { songsService } from '../../modules/songs/songs.service.js';
import { usersRepository } from '../../modules/users/users.repository.js';
import { usersService } from '../../modules/users/users.service.js';
import { demoAlbums, demoUsers } from './demo-catalogue.js';

/**
 * Fills an empty database with the demo catalogue and demo users, through the same services the API
 * uses. Does nothing when albums already exist, so it is safe to run on every `npm run dev`.
 */
export async function seedDemo(db: Knex, bcryptCost: number): Promise<'seeded' | 'skipped'> {
  if (await db('albums').first('id')) return 'skipped';
  const albums = albumsRepository(db);
  const albumSvc = albumsService(albums, systemClock);
  const songSvc = songsService(songsRepository(db), albums, systemClock);
  for (const album of demoAlbums) {
    const albumId = await albumSvc.create({ name: album.name, year: album.year });
    for (const [index, title] of album.songs.entries()) {
      await songSvc.create({
        title,
        year: album.year,
        genre: album.genre,
        performer: album.performer,
        duration: 180 + index * 17,
        albumId,
      });
    }
  }
  const users = usersService(usersRepository(db), bcryptCost, systemClock);
  for (const user of demoUsers) {
    if (user.role === 'admin') await users.ensureAdmin(user);
    else await users.register(user).catch(() => undefined); // already there from an earlier seed
  }
  return 'seeded';
}
