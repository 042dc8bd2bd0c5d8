import type { Response } from 'express';

const bodies = new WeakMap<object, string>();

/**
 * Sends `{ status: 'success', data: { [name]: value } }` (or `data: value` without a name), serialising
 * each value once: an answer from the catalogue cache is the same object for every request until it
 * expires, so its JSON is reused instead of rebuilt per request. Values are never changed after they are
 * cached; an object that is not cached is serialised as usual and forgotten with it.
 */
export function sendCachedData(res: Response, value: object, name?: string): void {
  let body = bodies.get(value);
  if (body === undefined) {
    body = JSON.stringify({ status: 'success', data: name ? { [name]: value } : value });
    bodies.set(value, body);
  }
  res.type('application/json').send(body);
}
