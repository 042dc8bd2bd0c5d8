import { canonicalUsername } from '@musicapp/types/users';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { TooManyRequestsError } from '../errors.js';

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

/**
 * Accounts made per client address per hour. Each costs a bcrypt hash and opens another budget of
 * seats (6 per person per show), so a flood is both slow for everyone and a way around the cap. Only
 * registrations that made an account count; nginx-backend also limits every attempt per client.
 */
export function registrationRateLimit(perHour: number): RequestHandler {
  return rateLimit({
    windowMs: 3_600_000,
    limit: perHour,
    skipFailedRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new TooManyRequestsError('Too many accounts created from this client; try again later', 3600)),
  });
}
