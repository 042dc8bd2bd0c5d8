import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { TooManyRequestsError } from './errors.js';

export interface LoginRateLimitSettings {
  windowMs: number;
  perClient: number;
  perUsername: number;
}

/**
 * Login attempts are limited per client address (every attempt counts) and per username (only failed
 * attempts count), so guessing one account's password from many addresses is slowed down too.
 * The store is in memory, per replica; nginx-backend adds a shared limit in front of all replicas.
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
      return `username:${typeof username === 'string' ? username.toLowerCase() : ''}`;
    },
    handler: (_req, _res, next) =>
      next(new TooManyRequestsError('Too many failed logins for this username; try again later', retryAfter)),
  });
  return [perClient, perUsername];
}
