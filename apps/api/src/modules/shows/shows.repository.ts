import type { Show, ShowPayload } from '@musicapp/types/shows';
import type { Knex } from 'knex';
import { afterKey } from '../../db/keyset.js';

interface ShowRow {
  id: string;
  title: string;
  performer: string;
  venue: string;
  starts_at: number | string;
  capacity: number;
  reserved: number;
  album_id: string | null;
}

const COLUMNS = ['id', 'title', 'performer', 'venue', 'starts_at', 'capacity', 'reserved', 'album_id'];

export const toShow = (row: ShowRow): Show => ({
  id: row.id,
  title: row.title,
  performer: row.performer,
  venue: row.venue,
  startsAt: new Date(Number(row.starts_at)).toISOString(),
  capacity: row.capacity,
  seatsLeft: row.capacity - row.reserved,
  albumId: row.album_id,
});

const toRow = (show: ShowPayload) => ({
  title: show.title,
  performer: show.performer,
  venue: show.venue,
  starts_at: Date.parse(show.startsAt),
  capacity: show.capacity,
  album_id: show.albumId ?? null,
});

export function showsRepository(db: Knex) {
  return {
    async insert(show: ShowPayload & { id: string; createdAt: number }): Promise<void> {
      await db('shows').insert({ id: show.id, ...toRow(show), reserved: 0, created_at: show.createdAt });
    },

    async findById(id: string): Promise<Show | null> {
      const row: ShowRow | undefined = await db('shows').where({ id }).first(COLUMNS);
      return row ? toShow(row) : null;
    },

    /** Shows starting at or after `from`, soonest first, keyset-paged on (starts_at, id). */
    async listFrom(from: number, limit: number, after?: (string | number)[]): Promise<Show[]> {
      const query = db('shows')
        .where('starts_at', '>=', from)
        .orderBy([{ column: 'starts_at' }, { column: 'id' }])
        .limit(limit)
        .select(COLUMNS);
      if (after) afterKey(query, ['starts_at', 'id'], after);
      return (await query).map(toShow);
    },

    /**
     * Edits the show unless the new capacity is below the seats already reserved (checked in the same
     * statement, so a concurrent reservation cannot slip in between). Returns the reserved seats on refusal.
     */
    async update(
      id: string,
      show: ShowPayload,
    ): Promise<{ updated: true } | { updated: false; reserved: number | null }> {
      const changed = await db('shows')
        .where({ id })
        .andWhere('reserved', '<=', show.capacity)
        .update(toRow(show));
      if (changed > 0) return { updated: true };
      const row: { reserved: number } | undefined = await db('shows').where({ id }).first('reserved');
      return { updated: false, reserved: row ? row.reserved : null };
    },

    /** Deletes the show unless it has confirmed seats; returns them on refusal (null: no such show). */
    async remove(id: string): Promise<{ removed: true } | { removed: false; reserved: number | null }> {
      if ((await db('shows').where({ id, reserved: 0 }).delete()) > 0) return { removed: true };
      const row: { reserved: number } | undefined = await db('shows').where({ id }).first('reserved');
      return { removed: false, reserved: row ? row.reserved : null };
    },
  };
}

export type ShowsRepository = ReturnType<typeof showsRepository>;
