import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../db/db-errors.js';
import {
  AppError,
  InvalidInputError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
} from '../errors.js';

const STATUS: Record<AppError['kind'], number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unprocessable: 422,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'too-many-requests': 429,
  unavailable: 503,
  'broken-contract': 500,
};

/** body-parser signals its failures with a `type`; turn them into our own errors. */
function fromBodyParser(error: { type?: unknown; limit?: unknown }): AppError | null {
  switch (error.type) {
    case 'entity.parse.failed':
      return new InvalidInputError('Request body is not valid JSON');
    case 'entity.too.large':
      return new PayloadTooLargeError(
        `Request body is larger than ${Math.round(Number(error.limit) / 1024)} kB`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeError('Request body must be UTF-8 encoded JSON');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new InvalidInputError('Request body was incomplete');
    default:
      return null;
  }
}

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    return new ServiceUnavailableError('The database is unavailable right now; please retry shortly');
  }
  if (error instanceof URIError) return new InvalidInputError('The URL is not valid percent-encoding');
  if (error && typeof error === 'object' && 'type' in error) return fromBodyParser(error);
  return null;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`Route ${req.method} ${req.path} does not exist`));
};

/** The one place that writes `fail`/`error` envelopes. Never sends a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    const status = appError ? STATUS[appError.kind] : 500;
    if (status >= 500) {
      logger.error({ err: error, reqId: req.id, method: req.method, url: req.originalUrl }, 'request failed');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (appError && 'retryAfterSeconds' in appError)
      res.setHeader('Retry-After', String(appError.retryAfterSeconds));
    if (status === 503) res.setHeader('Retry-After', '2');
    res.status(status).json({
      status: status >= 500 ? 'error' : 'fail',
      message: appError?.message ?? 'An internal error occurred; it has been logged',
    });
  };
}
