import 'server-only';
import { headers as incomingHeaders } from 'next/headers';
import { z } from 'zod';
import { clientAddress, trustedProxyHops } from '@/lib/client-address';

/** Where the api answers; server-side only (never sent to the browser). */
const API_URL = (process.env.API_URL ?? 'http://127.0.0.1:5000').replace(/\/$/, '');
/** How many proxies stand in front of the web (docker-compose.yaml: nginx-frontend, 1). */
const PROXY_HOPS = trustedProxyHops(process.env.WEB_TRUSTED_PROXY_HOPS);

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; message: string };

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  accessToken?: string | undefined;
  idempotencyKey?: string;
  /** Ask for an answer read from the database, not one an api replica cached (admin pages). */
  fresh?: boolean;
}

/** For answers whose `data` is not read (an update, a delete, adding a song): any `data`, or none, will do. */
export const noData = z.unknown();

const unavailable = {
  ok: false,
  status: 503,
  message: 'The service is unavailable right now; please try again shortly.',
} as const;

const fetchOnce = (url: string, init: RequestInit) =>
  fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });

const isTimeout = (error: unknown) => error instanceof Error && error.name === 'TimeoutError';

/**
 * What the api should know about the browser's request: its address as the web's own proxy recorded
 * it, and only that (so the login limits at nginx-backend and in the api count browsers, not web
 * replicas, and a browser cannot name another address), and its request id (so one id follows a page
 * through nginx, the web and the api logs). Outside a request: nothing.
 */
async function forwardedHeaders(): Promise<Record<string, string>> {
  try {
    const incoming = await incomingHeaders();
    const forwarded: Record<string, string> = {};
    const address = clientAddress(incoming.get('x-forwarded-for'), PROXY_HOPS);
    if (address) forwarded['x-forwarded-for'] = address;
    const requestId = incoming.get('x-request-id');
    if (requestId) forwarded['x-request-id'] = requestId;
    return forwarded;
  } catch {
    return {};
  }
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
  const headers: Record<string, string> = { accept: 'application/json', ...(await forwardedHeaders()) };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.accessToken) headers.authorization = `Bearer ${request.accessToken}`;
  if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
  if (request.fresh) headers['cache-control'] = 'no-cache';
  const method = request.method ?? 'GET';
  const init: RequestInit = {
    method,
    headers,
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    cache: 'no-store',
  };
  let response: Response;
  try {
    response = await fetchOnce(`${API_URL}${path}`, init);
  } catch (error) {
    // A pooled connection the proxy closed at the moment it was reused (a reload, a replica going
    // away) fails before any answer: a GET is safe to send once more. A write never is.
    if (method !== 'GET' || isTimeout(error)) return unavailable;
    try {
      response = await fetchOnce(`${API_URL}${path}`, init);
    } catch {
      return unavailable;
    }
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
