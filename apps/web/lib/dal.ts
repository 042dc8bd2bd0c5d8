import 'server-only';
import { listReservationsResponse } from '@musicapp/types/reservations';
import { getShowResponse, listShowsResponse } from '@musicapp/types/shows';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { callApi } from './api-client';
import { readSession, type Session } from './session';

/** The data-access layer: every page reads through here; each read re-checks the session it needs. */

export const getSession = cache(readSession);

/** The session, or a redirect to the login page that comes back to `returnTo` afterwards. */
export async function requireSession(returnTo: string): Promise<Session> {
  const session = await getSession();
  if (!session) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return session;
}

export async function getUpcomingShows(cursor?: string) {
  const query = new URLSearchParams({ limit: '24', ...(cursor ? { cursor } : {}) });
  return callApi(`/shows?${query}`, listShowsResponse.shape.data);
}

export async function getShow(id: string) {
  return callApi(`/shows/${encodeURIComponent(id)}`, getShowResponse.shape.data);
}

export async function getMyReservations(session: Session, cursor?: string) {
  const query = new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) });
  return callApi(`/reservations?${query}`, listReservationsResponse.shape.data, {
    accessToken: session.accessToken,
  });
}
