import type { Activity } from '@musicapp/types/playlists';
import type { Knex } from 'knex';
import { isUniqueViolation } from '../../db/db-errors.js';

/**
 * What changes a playlist's songs, and the log of it: a song is added or removed together with its
 * activity, in one transaction, and the log is read back a page at a time.
 */
export function playlistSongsRepository(db: Knex) {
  return {
    /**
     * Adds the song and logs the activity in one transaction. Returns false when it is already there.
     */
    async addSong(entry: {
      playlistId: string;
      songId: string;
      title: string;
      userId: string;
      time: number;
    }): Promise<boolean> {
      try {
        await db.transaction(async (trx) => {
          await trx('playlist_songs').insert({
            playlist_id: entry.playlistId,
            song_id: entry.songId,
            added_at: entry.time,
          });
          await trx('playlist_activities').insert({
            playlist_id: entry.playlistId,
            user_id: entry.userId,
            song_id: entry.songId,
            title: entry.title,
            action: 'add',
            time: entry.time,
          });
        });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    /** Removes the song and logs the activity in one transaction. Returns false when it was not there. */
    async removeSong(entry: {
      playlistId: string;
      songId: string;
      userId: string;
      time: number;
    }): Promise<boolean> {
      return db.transaction(async (trx) => {
        const song: { title: string } | undefined = await trx('songs')
          .where({ id: entry.songId })
          .first('title');
        const removed = await trx('playlist_songs')
          .where({ playlist_id: entry.playlistId, song_id: entry.songId })
          .delete();
        if (removed === 0 || !song) return false;
        await trx('playlist_activities').insert({
          playlist_id: entry.playlistId,
          user_id: entry.userId,
          song_id: entry.songId,
          title: song.title,
          action: 'delete',
          time: entry.time,
        });
        return true;
      });
    },

    /** A page of the log in the order it was written, after the entry `afterId` (keyset on the id). */
    async activities(
      playlistId: string,
      limit: number,
      afterId?: number,
    ): Promise<(Activity & { id: number })[]> {
      const query = db('playlist_activities as a')
        .join('users as u', 'u.id', 'a.user_id')
        .where('a.playlist_id', playlistId)
        .orderBy('a.id')
        .limit(limit)
        .select('a.id', 'u.username', 'a.title', 'a.action', 'a.time');
      if (afterId !== undefined) query.andWhere('a.id', '>', afterId);
      const rows: {
        id: number;
        username: string;
        title: string;
        action: 'add' | 'delete';
        time: number | string;
      }[] = await query;
      return rows.map((row) => ({
        id: Number(row.id),
        username: row.username,
        title: row.title,
        action: row.action,
        time: new Date(Number(row.time)).toISOString(),
      }));
    },
  };
}

export type PlaylistSongsRepository = ReturnType<typeof playlistSongsRepository>;
