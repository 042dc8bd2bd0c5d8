import type { z } from 'zod';
import { InvalidInputError } from '../errors.js';

/** One readable sentence from a zod error: `year: year must be a whole number; Unrecognized key: "x"`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.join('.');
      return path && !issue.message.startsWith(path) ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** Validates a request part with a shared schema; a failure is a 400 naming every offending field. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  part: 'body' | 'query' | 'header' = 'body',
): z.output<S> {
  if (
    part === 'body' &&
    (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value))
  ) {
    throw new InvalidInputError(
      'Request body must be a JSON object sent with Content-Type: application/json',
    );
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidInputError(describeIssues(result.error));
  return result.data;
}
