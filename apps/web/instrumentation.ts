import type { Instrumentation } from 'next';

/**
 * A server error in a page, an action or a route handler, as one JSON line on stderr beside Next's own
 * report, with the request id nginx-frontend gave the request: one id then leads from nginx-frontend
 * through the web to nginx-backend and the api, which log the same id. The error's message only, never
 * the request's headers or body. (console.error: this file is also built for the proxy's runtime.)
 */
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const err: Error & { digest?: string } = error instanceof Error ? error : new Error(String(error));
  const requestId = request.headers['x-request-id'];
  console.error(
    JSON.stringify({
      level: 'error',
      time: new Date().toISOString(),
      service: 'musicapp-web',
      msg: 'request failed',
      requestId: Array.isArray(requestId) ? requestId[0] : requestId,
      method: request.method,
      path: request.path,
      route: context.routePath,
      routeType: context.routeType,
      err: { type: err.name, message: err.message, digest: err.digest },
    }),
  );
};
