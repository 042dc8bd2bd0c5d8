import { z } from 'zod';
import { successEnvelope } from './common.js';
import { canonicalUsername } from './users.js';

export const loginPayload = z.strictObject({
  username: z
    .string({ error: 'username must be a string' })
    .min(1, 'username must not be empty')
    .max(50)
    .transform(canonicalUsername),
  password: z.string({ error: 'password must be a string' }).min(1, 'password must not be empty').max(200),
});
export type LoginPayload = z.infer<typeof loginPayload>;

export const refreshTokenPayload = z.strictObject({
  refreshToken: z
    .string({ error: 'refreshToken must be a string' })
    .min(1, 'refreshToken must not be empty')
    .max(2048, 'refreshToken is too long'),
});
export type RefreshTokenPayload = z.infer<typeof refreshTokenPayload>;

export const loginResponse = successEnvelope(z.object({ accessToken: z.string(), refreshToken: z.string() }));
export type LoginData = z.infer<typeof loginResponse>['data'];
export const refreshResponse = successEnvelope(z.object({ accessToken: z.string() }));
export const logoutResponse = successEnvelope(z.undefined().optional());
