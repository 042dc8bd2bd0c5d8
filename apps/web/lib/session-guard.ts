import type { Role } from '@musicapp/types/users';
import { redirect } from 'next/navigation';
import type { ApiResult } from './api-client';
import type { FormState } from './form-state';
import { safeNext } from './safe-next';
import type { Session } from './session';

/**
 * The one session guard of pages and actions: who is sent to log in, where they come back to, and
 * how the api's refusals read in a form. Kept free of cookies so it can be tested on its own.
 */

/** Who may do something, and the page it is done from (login brings the user back there). */
export interface Guard {
  returnTo: string;
  /** The one role a guard asks for so far; none means any logged-in user. */
  role?: Extract<Role, 'admin'>;
}

export type ApiFailure = Extract<ApiResult<unknown>, { ok: false }>;

export const ONLY_ADMINS = 'Only admins can do that';

/** The login page, coming back to `returnTo` (a path of this site) afterwards. */
export function loginPath(returnTo: string, reason?: 'expired' | 'registered'): string {
  return `/login?next=${encodeURIComponent(safeNext(returnTo))}${reason ? `&reason=${reason}` : ''}`;
}

/** The session, or off to log in and back to `returnTo`. */
export function requireLogin(session: Session | null, returnTo: string): Session {
  if (!session) redirect(loginPath(returnTo));
  return session;
}

/**
 * No session: off to log in, and back. A session without the guard's role: null, for the caller to
 * refuse in its own words (an action's form message, a page's "Admins only").
 */
export function admit(session: Session | null, guard: Guard): Session | null {
  const user = requireLogin(session, guard.returnTo);
  return guard.role && user.role !== guard.role ? null : user;
}

/**
 * The api's refusal as the form's state. A token the api no longer accepts (expired, revoked, signed
 * with an old key) goes to login like a missing session, whatever the action; the rest is a message,
 * with what was typed handed back.
 */
export function refusal(failure: ApiFailure, guard: Guard, values?: Record<string, string>): FormState {
  if (failure.status === 401) redirect(loginPath(guard.returnTo, 'expired'));
  const message = failure.status === 403 && guard.role === 'admin' ? ONLY_ADMINS : failure.message;
  return values ? { message, values } : { message };
}
