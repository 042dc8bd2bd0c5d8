import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { Access } from './access.js';

export type Method = 'get' | 'post' | 'put' | 'delete';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The request parts a route declares, validated with its schemas before the handler runs. */
export interface RouteInput<B, Q, H> {
  body: Parsed<B>;
  query: Parsed<Q>;
  headers: Parsed<H>;
}

export interface RouteSpec<
  B extends z.ZodType | undefined,
  Q extends z.ZodObject | undefined,
  H extends z.ZodObject | undefined,
> {
  method: Method;
  /** Express syntax (`/albums/:id`); the document writes it `/albums/{id}`. */
  path: string;
  access: Access;
  /** For `owner` routes: what another user's request gets. 403 unless ids must reveal nothing (404). */
  othersGet?: 403 | 404;
  /** The document's group; by default the path's first segment (`/albums/:id` → albums). */
  tag?: string;
  summary: string;
  /** Path parameters; `:id` is described by `idParam` of @musicapp/types/common unless given here. */
  params?: z.ZodObject;
  /** A JSON body: parsed, then validated with this schema (a failure is a 400 naming every field). */
  body?: B;
  /** The query string, validated with this schema. */
  query?: Q;
  /** Request headers, validated with this schema (names as written, matched case-insensitively). */
  headers?: H;
  /** The success status, set before the handler runs. */
  status?: 200 | 201;
  /** The success body; without one, `{ status: "success", message }`. */
  response?: z.ZodType;
  /** A browser (Accept: text/html) gets this page instead of the JSON response: what it shows. */
  html?: string;
  /** Error statuses besides those implied by the access (401, 403), the request parts (400, 413) and 503. */
  errors?: number[];
  /** The route's own middleware (rate limits), after the access check. The body is parsed after them unless listed. */
  use?: RequestHandler[];
  handler(input: RouteInput<B, Q, H>, req: Request, res: Response): Promise<void> | void;
}

/** One route, declared once: what `mountRoutes` registers, the OpenAPI document and the access tests read. */
export type RouteDeclaration = RouteSpec<
  z.ZodType | undefined,
  z.ZodObject | undefined,
  z.ZodObject | undefined
>;

/** Types a declaration, so that its handler sees the parsed body, query and headers its schemas give. */
export function route<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  H extends z.ZodObject | undefined = undefined,
>(spec: RouteSpec<B, Q, H>): RouteDeclaration {
  return spec as RouteDeclaration;
}
