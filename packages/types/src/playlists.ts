import { z } from 'zod';
import { nextCursor, successEnvelope, text } from './common.js';
import { songSummary } from './songs.js';

export const playlistPayload = z.strictObject({ name: text('name', 200) });
export type PlaylistPayload = z.infer<typeof playlistPayload>;

export const playlistSongPayload = z.strictObject({
  songId: z.string({ error: 'songId must be a string' }).min(1, 'songId must not be empty').max(64),
});
export type PlaylistSongPayload = z.infer<typeof playlistSongPayload>;

export const playlistSummary = z.object({ id: z.string(), name: z.string(), username: z.string() });
export type PlaylistSummary = z.infer<typeof playlistSummary>;

export const playlist = playlistSummary.extend({ songs: z.array(songSummary) });
export type Playlist = z.infer<typeof playlist>;

export const activity = z.object({
  username: z.string(),
  title: z.string(),
  action: z.enum(['add', 'delete']),
  time: z.string().describe('ISO 8601 timestamp'),
});
export type Activity = z.infer<typeof activity>;

export const createPlaylistResponse = successEnvelope(z.object({ playlistId: z.string() }));
export const listPlaylistsResponse = successEnvelope(
  z.object({ playlists: z.array(playlistSummary), nextCursor }),
);
export type ListPlaylistsData = z.infer<typeof listPlaylistsResponse>['data'];
export const getPlaylistSongsResponse = successEnvelope(z.object({ playlist }));
export const activitiesResponse = successEnvelope(
  z.object({ playlistId: z.string(), activities: z.array(activity), nextCursor }),
);
export type ActivitiesData = z.infer<typeof activitiesResponse>['data'];
