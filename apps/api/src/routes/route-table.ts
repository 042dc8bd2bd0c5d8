import type { Request, Router } from 'express';
import type { z } from 'zod';
import { jsonBody } from '../http/json-body.js';
import { validate } from '../http/validate.js';
import type { AccessGuards } from './access.js';
import type { RouteDeclaration } from './route.js';

/** Header values by the names a schema gives them (`Idempotency-Key`), whatever their case on the wire. */
function headersFor(schema: z.ZodObject, req: Request): Record<string, string | undefined> {
  return Object.fromEntries(Object.keys(schema.shape).map((name) => [name, req.get(name)]));
}

/**
 * Registers every declaration on `app`, and nothing else: the routes the api serves are these
 * declarations. Each gets its access guards, its own middleware, the JSON body parser when it takes a
 * body, then its declared request parts validated, its success status set and its handler called.
 */
export function mountRoutes(app: Router, routes: readonly RouteDeclaration[], guards: AccessGuards): void {
  for (const route of routes) {
    const own = route.use ?? [];
    const parser = route.body && !own.includes(jsonBody) ? [jsonBody] : [];
    const { body, query, headers } = route;
    app[route.method](route.path, ...guards[route.access], ...own, ...parser, (req, res) => {
      const input = {
        body: body ? validate(body, req.body) : undefined,
        query: query ? validate(query, req.query, 'query') : undefined,
        headers: headers ? validate(headers, headersFor(headers, req), 'header') : undefined,
      };
      res.status(route.status ?? 200);
      return route.handler(input, req, res);
    });
  }
}
