import type { Request, Router } from 'express';
import type { z } from 'zod';
import { principalOf } from '../http/authenticate.js';
import { jsonBody } from '../http/json-body.js';
import { validate } from '../http/validate.js';
import type { AccessGuards } from './access.js';
import { answerWriter } from './answer.js';
import { pathParameterNames, type RouteDeclaration } from './route.js';

export interface RouteTableOptions {
  /** Hold every answer to its declared response schema (tests, development); see answer.ts. */
  checkResponses: boolean;
}

/** Header values by the names a schema gives them (`Idempotency-Key`), whatever their case on the wire. */
function headersFor(schema: z.ZodObject, req: Request): Record<string, string | undefined> {
  return Object.fromEntries(Object.keys(schema.shape).map((name) => [name, req.get(name)]));
}

/** The handler's input: the declared request parts validated, the path parameters and the caller. */
function inputOf(route: RouteDeclaration, params: readonly string[], req: Request) {
  const { body, query, headers } = route;
  return {
    params: Object.fromEntries(
      params.map((name) => {
        const value = req.params[name];
        return [name, typeof value === 'string' ? value : ''];
      }),
    ),
    body: body ? validate(body, req.body) : undefined,
    query: query ? validate(query, req.query, 'query') : undefined,
    headers: headers ? validate(headers, headersFor(headers, req), 'header') : undefined,
    principal: route.access === 'public' ? (req.principal ?? null) : principalOf(req),
  };
}

/**
 * Registers every declaration on `app`, and nothing else: the routes the api serves are these
 * declarations. Each gets its access guards, its own middleware, the JSON body parser when it takes a
 * body, then its declared request parts validated and its handler called with them; what the handler
 * returns is written as the route's answer (answer.ts). Handlers never see `req` or `res`.
 */
export function mountRoutes(
  app: Router,
  routes: readonly RouteDeclaration[],
  guards: AccessGuards,
  { checkResponses }: RouteTableOptions,
): void {
  for (const route of routes) {
    const own = route.use ?? [];
    const parser = route.body && !own.includes(jsonBody) ? [jsonBody] : [];
    const params = pathParameterNames(route.path);
    const answer = answerWriter(route, checkResponses);
    const { html, setHeaders } = route;
    app[route.method](route.path, ...guards[route.access], ...own, ...parser, async (req, res) => {
      if (setHeaders) res.set(setHeaders);
      if (html) {
        res.vary('Accept');
        if (req.accepts(['json', 'html']) === 'html') {
          res.set(html.headers).type('html').send(html.body);
          return;
        }
      }
      answer(res, await route.handler(inputOf(route, params, req)));
    });
  }
}
