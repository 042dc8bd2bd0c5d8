import { z } from 'zod';
import { successEnvelope, text } from './common.js';

export const username = z
  .string({ error: 'username must be a string' })
  .min(3, 'username must be at least 3 characters')
  .max(50, 'username must be at most 50 characters')
  .regex(/^[A-Za-z0-9_.-]+$/, 'username may contain only letters, digits, ".", "_" and "-"');

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

/**
 * `GET /users?username=`: one exact username (trimmed), for finding a user to add as a collaborator.
 * It matches as the database compares usernames: case-insensitively on MySQL/MariaDB, exactly on SQLite.
 */
export const userLookupQuery = z.object({
  username: z
    .string({ error: 'username is required, e.g. ?username=miles' })
    .trim()
    .min(1, 'username must not be empty')
    .max(50, 'username must be at most 50 characters'),
});
export type UserLookupQuery = z.infer<typeof userLookupQuery>;

/** What anyone logged in may know about another user: never the role or the password hash. */
export const userSummary = z.object({ id: z.string(), username: z.string(), fullname: z.string() });
export type UserSummary = z.infer<typeof userSummary>;

/** An empty list when nobody has that username. */
export const lookupUsersResponse = successEnvelope(z.object({ users: z.array(userSummary) }));
