import { z } from 'zod';
import { nextCursor, pageQuery, successEnvelope, text, year } from './common.js';

export const songPayload = z.strictObject({
  title: text('title', 200),
  year,
  genre: text('genre', 100),
  performer: text('performer', 200),
  duration: z
    .number({ error: 'duration must be a number of seconds' })
    .int('duration must be a whole number of seconds')
    .min(0, 'duration must not be negative')
    .max(86_400, 'duration must be at most a day')
    .nullable()
    .optional(),
  albumId: z.string({ error: 'albumId must be a string' }).min(1).max(64).nullable().optional(),
});
export type SongPayload = z.infer<typeof songPayload>;

/** `GET /songs?title=&performer=`: case-insensitive substring filters that combine. */
export const songSearchQuery = pageQuery.extend({
  title: z.string().trim().max(200, 'title must be at most 200 characters').optional(),
  performer: z.string().trim().max(200, 'performer must be at most 200 characters').optional(),
});
export type SongSearchQuery = z.infer<typeof songSearchQuery>;

export const songSummary = z.object({ id: z.string(), title: z.string(), performer: z.string() });
export type SongSummary = z.infer<typeof songSummary>;

export const song = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  genre: z.string(),
  performer: z.string(),
  duration: z.number().int().nullable(),
  albumId: z.string().nullable(),
});
export type Song = z.infer<typeof song>;

export const createSongResponse = successEnvelope(z.object({ songId: z.string() }));
export const getSongResponse = successEnvelope(z.object({ song }));
export const listSongsResponse = successEnvelope(z.object({ songs: z.array(songSummary), nextCursor }));
export type ListSongsData = z.infer<typeof listSongsResponse>['data'];
