import 'server-only';
import type { z } from 'zod';

/** Where the api answers; server-side only (never sent to the browser). */
const API_URL = (process.env.API_URL ?? 'http://127.0.0.1:5000').replace(/\/$/, '');

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; message: string };

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  accessToken?: string | undefined;
  idempotencyKey?: string;
}

/**
 * Calls the api and checks the envelope's `data` against the shared schema, so a page gets typed data or
 * a readable failure — never a thrown network error (an unreachable api is a 503 with a message).
 */
export async function callApi<S extends z.ZodType>(
  path: string,
  dataSchema: S,
  request: ApiRequest = {},
): Promise<ApiResult<z.output<S>>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.accessToken) headers.authorization = `Bearer ${request.accessToken}`;
  if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(`${API_URL}${path}`, {
      method: request.method ?? 'GET',
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      cache: 'no-store',
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return {
      ok: false,
      status: 503,
      message: 'The service is unavailable right now; please try again shortly.',
    };
  }
  const envelope = (await response.json().catch(() => null)) as { data?: unknown; message?: unknown } | null;
  if (!response.ok) {
    const message =
      typeof envelope?.message === 'string' ? envelope.message : `Request failed (${response.status})`;
    return { ok: false, status: response.status, message };
  }
  const parsed = dataSchema.safeParse(envelope?.data);
  if (!parsed.success) return { ok: false, status: 502, message: 'The service sent an unexpected answer.' };
  return { ok: true, status: response.status, data: parsed.data };
}
