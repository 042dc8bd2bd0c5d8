import { isDeepStrictEqual } from 'node:util';
import { messageResponse } from '@musicapp/types/common';
import type { Response } from 'express';
import type { z } from 'zod';
import { ContractError } from '../errors.js';
import type { AnyAnswer, RouteDeclaration } from './route.js';

/** `data.album.year` for zod's path `['data', 'album', 'year']`. */
const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(the answer)';

/** Where `sent` has what its parsed form dropped: keys the schema does not know, as dotted paths. */
function unknownKeys(sent: unknown, parsed: unknown, path: string[] = []): string[] {
  if (Array.isArray(sent) && Array.isArray(parsed)) {
    return sent.flatMap((item, i) => unknownKeys(item, parsed[i], [...path, String(i)]));
  }
  if (!sent || !parsed || typeof sent !== 'object' || typeof parsed !== 'object') return [];
  return Object.entries(sent).flatMap(([key, value]) =>
    key in parsed
      ? unknownKeys(value, (parsed as Record<string, unknown>)[key], [...path, key])
      : [dotted([...path, key])],
  );
}

/**
 * Holds the body a route is about to send to its declared response schema, as a client would read it
 * (parsed from the JSON). The answer must be exactly what the schema describes: a refused value and a
 * key it does not know (which the document's `additionalProperties: false` promises away) are drifts.
 */
function checkBody(route: RouteDeclaration, schema: z.ZodType, body: string): void {
  const sent: unknown = JSON.parse(body);
  const result = schema.safeParse(sent);
  const drift = result.success
    ? isDeepStrictEqual(result.data, sent)
      ? []
      : unknownKeys(sent, result.data).map((path) => `${path}: not in the schema`)
    : result.error.issues.map((issue) => `${dotted(issue.path)}: ${issue.message}`);
  if (drift.length === 0) return;
  throw new ContractError(
    `${route.method.toUpperCase()} ${route.path} answered outside its declared response schema: ${drift.join('; ')}`,
  );
}

/**
 * How a route sends what its handler returns: `{ status: "success", message?, data? }` (a `bare` route:
 * its `data` alone) as JSON, with the route's success status and the answer's own headers. With `check`
 * (tests, development) the body is first held to the declared response schema, or to `messageResponse`
 * when the route declares none; a drift is a ContractError, a 500 naming it.
 *
 * An answer's `data` is never changed once returned, so an object seen again (a catalogue cache hit, the
 * OpenAPI document) is serialised once: its JSON is kept as long as the object lives, per route.
 */
export function answerWriter(route: RouteDeclaration, check: boolean) {
  const schema = route.response ?? messageResponse;
  const serialised = new WeakMap<object, string>();
  const json = (data: unknown): string => {
    if (typeof data !== 'object' || data === null) return JSON.stringify(data);
    let text = serialised.get(data);
    if (text === undefined) {
      text = JSON.stringify(data);
      serialised.set(data, text);
    }
    return text;
  };

  return (res: Response, { data, message, headers }: AnyAnswer): void => {
    const body = route.bare
      ? json(data)
      : `{"status":"success"${message === undefined ? '' : `,"message":${JSON.stringify(message)}`}${
          data === undefined ? '' : `,"data":${json(data)}`
        }}`;
    if (check) checkBody(route, schema, body);
    if (headers) res.set(headers);
    res
      .status(route.status ?? 200)
      .type('application/json')
      .send(body);
  };
}
