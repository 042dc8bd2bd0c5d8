import type { Request } from 'express';

/**
 * `Cache-Control: no-cache` on a request asks for an answer checked with the database, not a cached one
 * (the web's admin pages send it, so an editor always sees what was just saved, whichever replica answers).
 */
export function wantsFreshAnswer(req: Request): boolean {
  const header = req.headers['cache-control'];
  return typeof header === 'string' && /(^|,)\s*no-cache\s*(,|$)/i.test(header);
}
