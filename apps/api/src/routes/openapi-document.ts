import { failEnvelope, idParam, messageResponse } from '@musicapp/types/common';
import { z } from 'zod';
import type { Access } from './access.js';
import { pathParameterNames, type RouteDeclaration } from './route.js';

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid payload, query or cursor',
  401: 'No, expired or invalid access token',
  403: 'Not allowed for this user',
  404: 'Not found',
  409: 'Conflicts with the current state (seats left, limits, twin request in flight)',
  413: 'Body larger than 100 kB',
  422: 'Idempotency-Key reused for a different request',
  429: 'Too many attempts',
  503: 'Database unavailable; retry shortly',
};

const WHO: Record<Access, string> = {
  public: 'Anyone may call it; no token needed.',
  user: 'Any signed-in user (a Bearer access token).',
  owner: 'Signed in, and only for what the caller owns (or collaborates on, where the summary says so).',
  admin: 'Admins only: any other user gets 403.',
};

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 (what OpenAPI 3.1 uses) of a shared schema: what a client sends or receives. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    // `.int()` alone says "a safe integer" with bounds no reader needs to see.
    override: ({ jsonSchema: json }) => {
      if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
      if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
    },
  });
  return rest;
}

/** OpenAPI parameters from an object schema: one per property, required unless optional. */
function parameters(where: 'path' | 'query' | 'header', schema: z.ZodObject): object[] {
  const object = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (object.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

/** `/albums/:id` → `/albums/{id}`. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

function pathParameters(route: RouteDeclaration): object[] {
  const names = pathParameterNames(route.path);
  if (names.length === 0) return [];
  const described = parameters('path', route.params ?? idParam) as { name: string }[];
  const missing = names.filter((name) => !described.some((parameter) => parameter.name === name));
  if (missing.length)
    throw new Error(
      `${route.method.toUpperCase()} ${route.path}: describe :${missing.join(', :')} in params`,
    );
  return described.filter((parameter) => names.includes(parameter.name));
}

function operation(route: RouteDeclaration): object {
  const refusals = {
    public: [],
    user: [401],
    owner: route.othersGet === 404 ? [401, 404] : [401, 403],
    admin: [401, 403],
  }[route.access];
  const input = route.body || route.query ? [400] : [];
  const errors = [
    ...new Set([...input, ...(route.body ? [413] : []), ...refusals, ...(route.errors ?? []), 503]),
  ].sort((a, b) => a - b);
  const success = route.response
    ? jsonSchema(route.response, 'output')
    : jsonSchema(messageResponse, 'output');
  const others =
    route.access === 'owner'
      ? route.othersGet === 404
        ? ' Anyone else’s is answered 404, as if it did not exist.'
        : ' Anyone else gets 403.'
      : '';
  return {
    tags: [route.tag ?? route.path.split('/')[1]],
    summary: route.summary,
    description: `${WHO[route.access]}${others}`,
    'x-access': route.access,
    ...(route.access === 'public' ? {} : { security: [{ bearer: [] }] }),
    parameters: [
      ...pathParameters(route),
      ...(route.query ? parameters('query', route.query) : []),
      ...(route.headers ? parameters('header', route.headers) : []),
    ],
    ...(route.body
      ? { requestBody: { required: true, content: json(jsonSchema(route.body, 'input')) } }
      : {}),
    responses: {
      [route.status ?? 200]: {
        description: route.html
          ? `Success. A browser (Accept: text/html) gets ${route.html.description}.`
          : 'Success',
        content: {
          ...json(success),
          ...(route.html ? { 'text/html': { schema: { type: 'string' } } } : {}),
        },
      },
      ...Object.fromEntries(
        errors.map((code) => [
          code,
          { description: ERROR_TEXT[code] ?? 'Error', content: json(jsonSchema(failEnvelope, 'output')) },
        ]),
      ),
    },
  };
}

/** The OpenAPI 3.1 description of the api: exactly the routes it mounts, with the shared schemas. */
export function buildOpenApiDocument(routes: readonly RouteDeclaration[]) {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    const methods = paths[path] ?? {};
    if (methods[route.method])
      throw new Error(`${route.method.toUpperCase()} ${route.path} is declared twice`);
    paths[path] = { ...methods, [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Musicapp API',
      version: '1.0.0',
      description:
        'OpenMusic-compatible catalogue, users, sessions and playlists, plus live shows and seat reservations. ' +
        'Success: {status:"success", data}; client errors {status:"fail", message}; server errors ' +
        '{status:"error", message}. Each operation says who may call it; its `x-access` says the same for ' +
        'programs: public, user, owner or admin.',
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
