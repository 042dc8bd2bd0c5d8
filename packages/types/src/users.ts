import { z } from 'zod';
import { successEnvelope, text } from './common.js';

/**
 * A username's one form: Unicode compatibility-normalised (full-width letters become ASCII), without
 * surrounding space, in lower case. Registration stores it, login and lookups compare it, limits count
 * it, so `Admin`, ` admin ` and `ａｄｍｉｎ` are one name everywhere, whatever the database's collation.
 */
export const canonicalUsername = (value: string): string => value.normalize('NFKC').trim().toLowerCase();

export const username = z
  .string({ error: 'username must be a string' })
  .transform(canonicalUsername)
  .pipe(
    z
      .string()
      .min(3, 'username must be at least 3 characters')
      .max(50, 'username must be at most 50 characters')
      .regex(/^[a-z0-9_.-]+$/, 'username may contain only letters a–z, digits, ".", "_" and "-"'),
  );

/** bcrypt reads at most 72 bytes, so longer passwords would be silently truncated. */
export const password = z
  .string({ error: 'password must be a string' })
  .min(6, 'password must be at least 6 characters')
  .refine((value) => new TextEncoder().encode(value).length <= 72, 'password must be at most 72 bytes');

export const userPayload = z.strictObject({
  username,
  password,
  fullname: text('fullname', 200),
});
export type UserPayload = z.infer<typeof userPayload>;

export const roles = ['user', 'admin'] as const;
export type Role = (typeof roles)[number];

export const createUserResponse = successEnvelope(z.object({ userId: z.string() }));

/** `GET /users?username=`: one whole username (in its canonical form), for adding a collaborator. */
export const userLookupQuery = z.object({
  username: z
    .string({ error: 'username is required, e.g. ?username=miles' })
    .trim()
    .min(1, 'username must not be empty')
    .max(50, 'username must be at most 50 characters')
    .transform(canonicalUsername),
});
export type UserLookupQuery = z.infer<typeof userLookupQuery>;

/** What anyone logged in may know about another user: never the role or the password hash. */
export const userSummary = z.object({ id: z.string(), username: z.string(), fullname: z.string() });
export type UserSummary = z.infer<typeof userSummary>;

/** An empty list when nobody has that username. */
export const lookupUsersResponse = successEnvelope(z.object({ users: z.array(userSummary) }));
