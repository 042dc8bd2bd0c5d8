import type { Playlist, PlaylistSummary } from '@musicapp/types/playlists';
import type { Knex } from 'knex';
import { collectSongs } from '../../db/joined-songs.js';
import { afterKey } from '../../db/keyset.js';

export interface PlaylistAccess {
  ownerId: string;
  isCollaborator: boolean;
}

/** The playlists themselves: who owns them, who may see them, and their songs as a page shows them. */
export function playlistsRepository(db: Knex) {
  return {
    async insert(playlist: { id: string; name: string; ownerId: string; createdAt: number }): Promise<void> {
      await db('playlists').insert({
        id: playlist.id,
        name: playlist.name,
        owner_id: playlist.ownerId,
        created_at: playlist.createdAt,
      });
    },

    /** Who may touch the playlist, in one query: its owner and whether `userId` collaborates on it. */
    async findAccess(playlistId: string, userId: string): Promise<PlaylistAccess | null> {
      const row: { owner_id: string; collaboration_id: string | null } | undefined = await db(
        'playlists as p',
      )
        .leftJoin('collaborations as c', (join) =>
          join.on('c.playlist_id', 'p.id').andOnVal('c.user_id', userId),
        )
        .where('p.id', playlistId)
        .first('p.owner_id', 'c.id as collaboration_id');
      return row ? { ownerId: row.owner_id, isCollaborator: row.collaboration_id !== null } : null;
    },

    /** Playlists the user owns or collaborates on, with the owner's username, by (name, id). */
    async listFor(userId: string, limit: number, after?: (string | number)[]): Promise<PlaylistSummary[]> {
      const query = db('playlists as p')
        .join('users as u', 'u.id', 'p.owner_id')
        .where((q) =>
          q
            .where('p.owner_id', userId)
            .orWhereIn('p.id', db('collaborations').select('playlist_id').where('user_id', userId)),
        )
        .orderBy([{ column: 'p.name' }, { column: 'p.id' }])
        .limit(limit)
        .select('p.id', 'p.name', 'u.username');
      if (after) afterKey(query, ['p.name', 'p.id'], after);
      return query;
    },

    async remove(playlistId: string): Promise<boolean> {
      return (await db('playlists').where({ id: playlistId }).delete()) > 0;
    },

    async findWithSongs(playlistId: string): Promise<Playlist | null> {
      const rows: {
        id: string;
        name: string;
        username: string;
        song_id: string | null;
        title: string | null;
        performer: string | null;
      }[] = await db('playlists as p')
        .join('users as u', 'u.id', 'p.owner_id')
        .leftJoin('playlist_songs as ps', 'ps.playlist_id', 'p.id')
        .leftJoin('songs as s', 's.id', 'ps.song_id')
        .where('p.id', playlistId)
        .orderBy('ps.id')
        .select('p.id', 'p.name', 'u.username', 's.id as song_id', 's.title', 's.performer');
      const first = rows[0];
      if (!first) return null;
      return { id: first.id, name: first.name, username: first.username, songs: collectSongs(rows) };
    },
  };
}

export type PlaylistsRepository = ReturnType<typeof playlistsRepository>;
