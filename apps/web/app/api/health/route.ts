import type { healthResponse } from '@musicapp/types/operations';
import type { z } from 'zod';

type HealthResponse = z.infer<typeof healthResponse>;

// Liveness of the web process only: never calls the api, so an api outage cannot fail web healthchecks.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  const body: HealthResponse = { status: 'success', data: { status: 'ok' } };
  return Response.json(body, { status: 200, headers: { 'Cache-Control': 'no-store' } });
}
