import type { Knex } from 'knex';
import { systemClock } from '../clock.js';
import { newId } from '../modules/ids.js';
import { newReservationCode } from '../modules/reservations/reservation-code.js';
import { usersRepository } from '../modules/users/users.repository.js';
import { usersService } from '../modules/users/users.service.js';
import { demoShows, demoUsers } from './demo-catalogue.js';
import { seedCatalogue } from './seed-catalogue.js';

/**
 * Fills an empty database with the demo catalogue, shows and users, through the repositories and
 * services the API uses. Does nothing when albums already exist, so it is safe to run on every `npm run dev`.
 */
export async function seedDemo(db: Knex, bcryptCost: number): Promise<'seeded' | 'skipped'> {
  if (await db('albums').first('id')) return 'skipped';
  const albumIds = await seedCatalogue(db, (prefix) => newId(prefix), systemClock);
  // Some shows come nearly or fully sold out. Their taken seats are real reservations held by a
  // box-office account (no password can log in to it), so seats reserved = confirmed seats.
  const boxOfficeId = newId('user');
  await db('users').insert({
    id: boxOfficeId,
    username: 'box-office',
    password_hash: '!',
    fullname: 'Box office (demo sales)',
    role: 'user',
    created_at: Date.now(),
  });
  for (const show of demoShows) {
    const showId = newId('show');
    await db('shows').insert({
      id: showId,
      title: show.title,
      performer: show.performer,
      venue: show.venue,
      starts_at: Date.now() + show.inDays * 86_400_000,
      capacity: show.capacity,
      reserved: show.reserved,
      album_id: albumIds.get(show.album) ?? null,
      created_at: Date.now(),
    });
    if (show.reserved > 0) {
      await db('reservations').insert({
        id: newId('reservation'),
        code: newReservationCode(),
        show_id: showId,
        user_id: boxOfficeId,
        seats: show.reserved,
        status: 'confirmed',
        created_at: Date.now(),
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
