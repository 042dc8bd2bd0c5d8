import type { RequestHandler } from 'express';
import { AuthenticationError, ForbiddenError } from '../errors.js';
import type { Principal } from '../modules/authentications/principal.js';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export interface AccessTokenVerifier {
  verifyAccessToken(token: string): Principal;
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new AuthenticationError('Authorization header must be "Bearer <access token>"');
  return match[1];
}

/** Requires a valid access token; sets `req.principal`. */
export function authenticate(tokens: AccessTokenVerifier): RequestHandler {
  return (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      throw new AuthenticationError(
        'Missing authentication: send an access token as "Authorization: Bearer <token>"',
      );
    }
    req.principal = tokens.verifyAccessToken(token);
    next();
  };
}

/**
 * The principal of a valid bearer token, or null (no token, a malformed header, a bad token): for
 * public routes that do a little more for some callers and must never fail the others.
 */
export function optionalPrincipal(
  tokens: AccessTokenVerifier,
  authorization: string | undefined,
): Principal | null {
  try {
    const token = bearerToken(authorization);
    return token ? tokens.verifyAccessToken(token) : null;
  } catch {
    return null;
  }
}

/**
 * On public routes: sets `req.principal` when a valid bearer token comes along, and lets every request
 * through (a public route may do a little more for some callers, and must never fail the others).
 */
export function identifyCaller(tokens: AccessTokenVerifier): RequestHandler {
  return (req, _res, next) => {
    const principal = optionalPrincipal(tokens, req.headers.authorization);
    if (principal) req.principal = principal;
    next();
  };
}

/** The principal set by `authenticate`; routes behind it can rely on it. */
export function principalOf(req: { principal?: Principal }): Principal {
  if (!req.principal) throw new AuthenticationError('Missing authentication');
  return req.principal;
}

/** Admins only: catalogue and show writes (album and song writes may be opened by CATALOG_WRITES=public). */
export const requireAdmin: RequestHandler = (req, _res, next) => {
  if (principalOf(req).role !== 'admin')
    throw new ForbiddenError('Only admins can change the catalogue and shows');
  next();
};
