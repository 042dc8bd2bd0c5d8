/**
 * routes/: the machinery every module's `*.routes.ts` uses. A route is declared once, here (`route()`);
 * access.ts says who may call it, route-table.ts mounts it and writes its answers (answer.ts), and
 * openapi-document.ts and api-reference.ts describe it at /openapi.json and /docs.
 */
import type { messageResponse } from '@musicapp/types/common';
import type { RequestHandler } from 'express';
import type { z } from 'zod';
import type { Principal } from '../modules/authentications/principal.js';
import type { Access } from './access.js';

export type Method = 'get' | 'post' | 'put' | 'delete';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The names of an Express path's parameters: `/albums/:id` → `['id']`. */
export const pathParameterNames = (path: string): string[] =>
  [...path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);

/** The `:name` parameters of an Express path, as strings: `/albums/:id` → `{ id: string }`. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<Rest>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>;

/**
 * Who is calling: on `user`, `owner` and `admin` routes the principal the access check let through; on
 * `public` ones that of a valid bearer token, or null (no token or a bad one is no error there).
 */
export type Caller<A extends Access> = A extends 'public' ? Principal | null : Principal;

/** What a handler gets: the request parts the route declares, validated with its schemas, and the caller. */
export interface RouteInput<P extends string, A extends Access, B, Q, H> {
  /** Path parameters as Express decoded them; a malformed id simply matches nothing later (404). */
  params: PathParams<P>;
  body: Parsed<B>;
  query: Parsed<Q>;
  headers: Parsed<H>;
  principal: Caller<A>;
}

/**
 * What a handler returns: its declared response without the `status` the route table adds, so
 * `{ data?, message? }` as that schema has them (`{ message }` for a route that declares none), and
 * `headers` of this one answer (`Idempotent-Replayed: true`). A `bare` route returns its body as `data`.
 * `data` is never changed once returned: the table serialises an object it sees again only once.
 */
export type Answer<R extends z.ZodType, Bare extends boolean> = (Bare extends true
  ? { data: z.input<R> }
  : Omit<z.input<R>, 'status'>) & { headers?: Record<string, string> };

/** A page sent instead of the JSON answer to a browser that asks for HTML (Accept: text/html). */
export interface HtmlPage {
  /** What the document says the browser gets. */
  description: string;
  /** Headers of the page only (its own Content-Security-Policy). */
  headers: Record<string, string>;
  body: string;
}

export interface RouteSpec<
  P extends string,
  A extends Access,
  B extends z.ZodType | undefined,
  Q extends z.ZodObject | undefined,
  H extends z.ZodObject | undefined,
  R extends z.ZodType,
  Bare extends boolean,
> {
  method: Method;
  /** Express syntax (`/albums/:id`); the document writes it `/albums/{id}`. */
  path: P;
  access: A;
  /** For `owner` routes: what another user's request gets. 403 unless ids must reveal nothing (404). */
  othersGet?: 403 | 404;
  /** The document's group; by default the path's first segment (`/albums/:id` → albums). */
  tag?: string;
  summary: string;
  /** Describes the path parameters in the document; `:id` is `idParam` of @musicapp/types/common unless given. */
  params?: z.ZodObject;
  /** A JSON body: parsed, then validated with this schema (a failure is a 400 naming every field). */
  body?: B;
  /** The query string, validated with this schema. */
  query?: Q;
  /** Request headers, validated with this schema (names as written, matched case-insensitively). */
  headers?: H;
  /** The success status. */
  status?: 200 | 201;
  /** The success body, envelope included; without one, `messageResponse`: `{ status: "success", message }`. */
  response?: R;
  /** The answer is `data` itself, without the success envelope (the OpenAPI document). */
  bare?: Bare;
  /** Response headers of every answer of this route, errors included (`Cache-Control: no-store`). */
  setHeaders?: Record<string, string>;
  /** What a browser that asks for HTML gets instead of the JSON answer; the handler is not called for it. */
  html?: HtmlPage;
  /** Error statuses besides those implied by the access (401, 403), the request parts (400, 413) and 503. */
  errors?: number[];
  /** The route's own middleware (rate limits), after the access check. The body is parsed after them unless listed. */
  use?: RequestHandler[];
  handler(input: RouteInput<P, A, B, Q, H>): Promise<Answer<R, Bare>> | Answer<R, Bare>;
}

/** One route, declared once: what `mountRoutes` registers, the OpenAPI document and the access tests read. */
export type RouteDeclaration = Omit<
  RouteSpec<
    string,
    Access,
    z.ZodType | undefined,
    z.ZodObject | undefined,
    z.ZodObject | undefined,
    z.ZodType,
    boolean
  >,
  'handler'
> & {
  handler(input: {
    params: Record<string, string>;
    body: unknown;
    query: unknown;
    headers: unknown;
    principal: Principal | null;
  }): Promise<AnyAnswer> | AnyAnswer;
};

/** An answer as the route table handles it, whatever the route. */
export interface AnyAnswer {
  data?: unknown;
  message?: string;
  headers?: Record<string, string>;
}

/**
 * Types a declaration: its handler sees the path parameters, parsed body, query and headers and the
 * caller its declaration gives, and must return what its response schema describes.
 */
export function route<
  const P extends string,
  A extends Access,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  H extends z.ZodObject | undefined = undefined,
  R extends z.ZodType = typeof messageResponse,
  Bare extends boolean = false,
>(spec: RouteSpec<P, A, B, Q, H, R, Bare>): RouteDeclaration {
  return spec as unknown as RouteDeclaration;
}
