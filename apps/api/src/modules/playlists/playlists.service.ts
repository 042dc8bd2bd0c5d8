import type { PageQuery } from '@musicapp/types/common';
import type { Clock } from '../../clock.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import { newId } from '../ids.js';
import { decodeCursor, toPage } from '../paging.js';
import type { SongsRepository } from '../songs/songs.repository.js';
import type { PlaylistSongsRepository } from './playlist-songs.repository.js';
import type { PlaylistsRepository } from './playlists.repository.js';

export function playlistsService(
  playlists: PlaylistsRepository,
  playlistSongs: PlaylistSongsRepository,
  songs: SongsRepository,
  clock: Clock,
) {
  /** 404 for an unknown playlist, 403 when the user neither owns it nor collaborates on it. */
  async function assertAccess(playlistId: string, userId: string, need: 'owner' | 'member'): Promise<void> {
    const access = await playlists.findAccess(playlistId, userId);
    if (!access) throw new NotFoundError(`Playlist ${playlistId} not found`);
    if (access.ownerId === userId) return;
    if (need === 'owner') throw new ForbiddenError('Only the owner of this playlist can do that');
    if (!access.isCollaborator) throw new ForbiddenError('You do not have access to this playlist');
  }

  return {
    assertAccess,

    async create(name: string, ownerId: string): Promise<string> {
      const id = newId('playlist');
      await playlists.insert({ id, name, ownerId, createdAt: clock() });
      return id;
    },

    async listFor(userId: string, { limit, cursor }: PageQuery) {
      const after = cursor ? decodeCursor('playlists', cursor, ['text', 'text']) : undefined;
      const rows = await playlists.listFor(userId, limit + 1, after);
      const page = toPage('playlists', rows, limit, (playlist) => [playlist.name, playlist.id]);
      return { playlists: page.items, nextCursor: page.nextCursor };
    },

    async remove(playlistId: string, userId: string): Promise<void> {
      await assertAccess(playlistId, userId, 'owner');
      await playlists.remove(playlistId);
    },

    async addSong(playlistId: string, songId: string, userId: string): Promise<void> {
      await assertAccess(playlistId, userId, 'member');
      const song = await songs.findById(songId);
      if (!song) throw new NotFoundError(`Song ${songId} not found`);
      const added = await playlistSongs.addSong({
        playlistId,
        songId,
        title: song.title,
        userId,
        time: clock(),
      });
      if (!added) throw new ConflictError(`Song ${songId} is already in this playlist`);
    },

    async getWithSongs(playlistId: string, userId: string) {
      await assertAccess(playlistId, userId, 'member');
      const playlist = await playlists.findWithSongs(playlistId);
      if (!playlist) throw new NotFoundError(`Playlist ${playlistId} not found`);
      return playlist;
    },

    async removeSong(playlistId: string, songId: string, userId: string): Promise<void> {
      await assertAccess(playlistId, userId, 'member');
      const removed = await playlistSongs.removeSong({ playlistId, songId, userId, time: clock() });
      if (!removed) throw new NotFoundError(`Song ${songId} is not in this playlist`);
    },

    /** The playlist's log, oldest first, a page at a time (a small log is one page, as OpenMusic has it). */
    async activities(playlistId: string, userId: string, { limit, cursor }: PageQuery) {
      await assertAccess(playlistId, userId, 'member');
      const after = cursor ? decodeCursor('activities', cursor, ['integer']) : undefined;
      const rows = await playlistSongs.activities(playlistId, limit + 1, after?.[0] as number | undefined);
      const page = toPage('activities', rows, limit, (row) => [row.id]);
      return {
        playlistId,
        activities: page.items.map(({ id: _id, ...activity }) => activity),
        nextCursor: page.nextCursor,
      };
    },
  };
}

export type PlaylistsService = ReturnType<typeof playlistsService>;
