import { z } from 'zod';
import { nextCursor, pageQuery, successEnvelope, text } from './common.js';

const isoDateTime = (field: string) =>
  z.iso.datetime({
    offset: true,
    error: `${field} must be an ISO 8601 date-time with a time zone, e.g. 2027-05-01T20:00:00Z`,
  });

export const MAX_SHOW_CAPACITY = 1_000_000;

export const showPayload = z.strictObject({
  title: text('title', 200),
  performer: text('performer', 200),
  venue: text('venue', 200),
  startsAt: isoDateTime('startsAt'),
  capacity: z
    .number({ error: 'capacity must be a number' })
    .int('capacity must be a whole number')
    .min(1, 'capacity must be at least 1')
    .max(MAX_SHOW_CAPACITY, `capacity must be at most ${MAX_SHOW_CAPACITY}`),
  albumId: z.string({ error: 'albumId must be a string' }).min(1).max(64).nullable().optional(),
});
export type ShowPayload = z.infer<typeof showPayload>;

/** `GET /shows?from=`: shows starting at or after `from` (default: now), soonest first. */
export const showListQuery = pageQuery.extend({ from: isoDateTime('from').optional() });
export type ShowListQuery = z.infer<typeof showListQuery>;

export const show = z.object({
  id: z.string(),
  title: z.string(),
  performer: z.string(),
  venue: z.string(),
  startsAt: z.string().describe('ISO 8601'),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  albumId: z.string().nullable(),
});
export type Show = z.infer<typeof show>;

export const createShowResponse = successEnvelope(z.object({ showId: z.string() }));
export const getShowResponse = successEnvelope(z.object({ show }));
export const listShowsResponse = successEnvelope(z.object({ shows: z.array(show), nextCursor }));
export type ListShowsData = z.infer<typeof listShowsResponse>['data'];
