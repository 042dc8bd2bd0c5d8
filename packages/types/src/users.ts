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
