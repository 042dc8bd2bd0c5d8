import { canonicalUsername } from '@musicapp/types/users';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { TooManyRequestsError } from './errors.js';

export interface LoginRateLimitSettings {
  windowMs: number;
  perClient: number;
  perUsername: number;
}

/**
 * Login attempts are limited per client address (every attempt counts) and per username and client
 * (only failed attempts count). Counting a username's failures from every client together would hand
 * anyone a switch to lock its owner out (ten wrong passwords, repeated); per client, a guesser is
 * stopped and the owner, elsewhere, still logs in. Guessing from many addresses meets each address's
 * own limit, here and at nginx-backend (10 per minute per client, shared by all replicas).
 * The store is in memory, per replica.
 */
export function loginRateLimits(settings: LoginRateLimitSettings): RequestHandler[] {
  const retryAfter = Math.ceil(settings.windowMs / 1000);
  const common = {
    windowMs: settings.windowMs,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
  };
  const perClient = rateLimit({
    ...common,
    limit: settings.perClient,
    handler: (_req, _res, next) =>
      next(new TooManyRequestsError('Too many login attempts from this client; try again later', retryAfter)),
  });
  const perUsername = rateLimit({
    ...common,
    limit: settings.perUsername,
    skipSuccessfulRequests: true,
    keyGenerator: (req) => {
      const username = (req.body as { username?: unknown } | undefined)?.username;
      const name = typeof username === 'string' ? canonicalUsername(username) : '';
      return `username:${name}|client:${ipKeyGenerator(req.ip ?? '')}`;
    },
    handler: (_req, _res, next) =>
      next(
        new TooManyRequestsError(
          'Too many failed logins for this username from this client; try again later',
          retryAfter,
        ),
      ),
  });
  return [perClient, perUsername];
}
