import type { RequestHandler } from 'express';
import {
  type AccessTokenVerifier,
  authenticate,
  identifyCaller,
  requireAdmin,
} from '../http/authenticate.js';

/**
 * Who may call a route:
 * - `public`: anyone, no token needed (a valid one names the caller, a bad one is ignored);
 * - `user`: any signed-in user;
 * - `owner`: signed in, and the service lets only the resource's owner (or, where the summary says so, a
 *   collaborator) through: anyone else gets 403, or 404 where `othersGet: 404` says ids reveal nothing;
 * - `admin`: signed in as an admin; any other user gets 403.
 */
export type Access = 'public' | 'user' | 'owner' | 'admin';

/** The middleware that enforces each kind of access before a route's own. */
export type AccessGuards = Record<Access, RequestHandler[]>;

/**
 * What each kind of access checks before a route's own code. Ownership is the service's rule (it knows
 * whose a playlist or reservation is), so `owner` routes check the token here and the owner there.
 */
export function accessGuards(tokens: AccessTokenVerifier): AccessGuards {
  const authenticated = authenticate(tokens);
  return {
    public: [identifyCaller(tokens)],
    user: [authenticated],
    owner: [authenticated],
    admin: [authenticated, requireAdmin],
  };
}
