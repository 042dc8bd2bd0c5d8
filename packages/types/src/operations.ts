import { z } from 'zod';
import { successEnvelope } from './common.js';

export const healthResponse = successEnvelope(z.object({ status: z.literal('ok') }));
export const readyResponse = successEnvelope(
  z.object({ status: z.literal('ready'), database: z.string(), migrations: z.literal('done') }),
);

/** `GET /openapi.json`: the OpenAPI 3.1 document of the api (described here only by its outline). */
export const openApiDocumentResponse = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
