import { z } from 'zod';
import { nextCursor, successEnvelope, text, year } from './common.js';

export const albumPayload = z.strictObject({
  name: text('name', 200),
  year,
});
export type AlbumPayload = z.infer<typeof albumPayload>;

export const albumSong = z.object({ id: z.string(), title: z.string(), performer: z.string() });
export type AlbumSong = z.infer<typeof albumSong>;

export const albumSummary = z.object({ id: z.string(), name: z.string(), year: z.number().int() });
export type AlbumSummary = z.infer<typeof albumSummary>;

export const album = albumSummary.extend({ songs: z.array(albumSong) });
export type Album = z.infer<typeof album>;

export const createAlbumResponse = successEnvelope(z.object({ albumId: z.string() }));
export const getAlbumResponse = successEnvelope(z.object({ album }));
export const listAlbumsResponse = successEnvelope(z.object({ albums: z.array(albumSummary), nextCursor }));
export type ListAlbumsData = z.infer<typeof listAlbumsResponse>['data'];
