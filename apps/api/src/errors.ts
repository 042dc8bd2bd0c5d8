/**
 * The one error family, domain-level and HTTP-free: services, repositories and db/ helpers throw these
 * with a message meant for the user, without knowing the web layer. The error middleware
 * (http/error-handler.ts) alone maps each `kind` to an HTTP status and writes the envelope.
 */
export abstract class AppError extends Error {
  abstract readonly kind:
    | 'invalid-input'
    | 'unauthenticated'
    | 'forbidden'
    | 'not-found'
    | 'conflict'
    | 'unprocessable'
    | 'payload-too-large'
    | 'unsupported-media-type'
    | 'too-many-requests'
    | 'unavailable'
    | 'broken-contract';
}

/** The request is malformed: bad JSON, wrong type, unknown field, bad cursor… */
export class InvalidInputError extends AppError {
  readonly kind = 'invalid-input';
}
/** No token, or one that is expired, tampered with or not an access token. */
export class AuthenticationError extends AppError {
  readonly kind = 'unauthenticated';
}
/** Authenticated, but not allowed to touch this resource. */
export class ForbiddenError extends AppError {
  readonly kind = 'forbidden';
}
export class NotFoundError extends AppError {
  readonly kind = 'not-found';
}
/** The request is valid but clashes with the current state (already exists, already added…). */
export class ConflictError extends AppError {
  readonly kind = 'conflict';
}
/** Well-formed, but cannot be processed as asked (an Idempotency-Key reused for a different request). */
export class UnprocessableError extends AppError {
  readonly kind = 'unprocessable';
}
export class PayloadTooLargeError extends AppError {
  readonly kind = 'payload-too-large';
}
export class UnsupportedMediaTypeError extends AppError {
  readonly kind = 'unsupported-media-type';
}
export class TooManyRequestsError extends AppError {
  readonly kind = 'too-many-requests';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
/** A dependency (the database) cannot be reached right now; the client may retry. */
export class ServiceUnavailableError extends AppError {
  readonly kind = 'unavailable';
}
/**
 * The api broke its own contract: an answer its declared response schema refuses. A bug, caught where
 * answers are checked (tests and development: createApp's `checkResponses`), and answered 500 with this
 * message naming the drift, so that the failing test says what drifted.
 */
export class ContractError extends AppError {
  readonly kind = 'broken-contract';
}
